import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../main/server/content-security-policy.js';
import { metaPolicy, parsePolicy, policyProblems } from './csp-rules.js';

describe('the Content-Security-Policy', () => {
  it('of the HTTP header forbids inline script, eval and every other origin', () => {
    expect(policyProblems(CONTENT_SECURITY_POLICY)).toEqual([]);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it("of the renderer page's meta tag does too, and agrees with the header where both speak", () => {
    const meta = metaPolicy(readFileSync('renderer/index.html', 'utf8'));

    expect(policyProblems(meta)).toEqual([]);
    const header = parsePolicy(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of parsePolicy(meta)) expect(header.get(name), name).toEqual(sources);
  });

  it.each([
    "default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'",
    "default-src 'self'; script-src 'self'; connect-src https://api.sos.ca.gov; object-src 'none'; base-uri 'none'",
    "default-src *; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'",
    "default-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'",
  ])('is refused by the check when it is as weak as %s', (policy) => {
    expect(policyProblems(policy)).not.toEqual([]);
  });
});
