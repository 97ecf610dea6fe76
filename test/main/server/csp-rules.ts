/**
 * What the wall's Content-Security-Policy must forbid, as a check any test can run on a
 * policy string: inline script, eval, and every origin but the page's own.
 */

/** The directives a policy names, each with its sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Sources allowed anywhere; `data:` only for images (the renderer draws no remote image). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'img-src': ["'self'", 'data:'],
};

/** Every way the policy falls short, empty when it holds. */
export function policyProblems(policy: string): string[] {
  const directives = parsePolicy(policy);
  const problems: string[] = [];
  for (const required of ['default-src', 'script-src', 'connect-src', 'object-src', 'base-uri']) {
    if (!directives.has(required)) problems.push(`no ${required}`);
  }
  if (directives.get('script-src')?.join(' ') !== "'self'") problems.push("script-src is not exactly 'self'");
  if (directives.get('object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  for (const [name, sources] of directives) {
    const allowed = ALLOWED[name] ?? ["'self'", "'none'"];
    for (const source of sources.filter((item) => !allowed.includes(item))) {
      problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}

/** The policy in a page's `<meta http-equiv="Content-Security-Policy">`. */
export function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('The page has no Content-Security-Policy meta tag');
  return match[1];
}
