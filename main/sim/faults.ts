/**
 * Faults on demand: a small rule system for rehearsals and tests. A rule names a kind of
 * failure, how often it fires (`rate`, default always), and optionally which paths (prefixes)
 * or race ids it targets. Rules are checked at the entry, set at start and replaced at run time.
 */
import { z } from 'zod';
import { parseWith } from '../../shared/validate.js';
import type { Random } from './random.js';

export const FAULT_KINDS = [
  /** Answer with an HTTP error status (`status`, default 500), `Retry-After` when given. */
  'status',
  /** Wait `ms` before answering. */
  'latency',
  /** Never answer; the socket is held until the client gives up or the feed closes. */
  'hang',
  /** A complete response whose body is cut short. */
  'truncate',
  /** An HTML error page with status 200, as a misconfigured proxy sends. */
  'html',
  /** Serve an older load (`loadsBack`, default 1): `ReportingTime` goes backwards. */
  'stale',
  /** Send the headers and half the body, then reset the connection. */
  'reset',
  /** `[]` instead of the objects asked for. */
  'empty-array',
  /** One object fewer than the ids asked for. */
  'drop-objects',
  /** The objects in another order than the ids. */
  'shuffle',
  /** A field (`field`, default `Votes`) left out of the first candidate or object. */
  'missing-field',
  /** A number where the API always sends a string (the first candidate's `Votes`). */
  'number-for-string',
  /** A negative vote count. */
  'negative-votes',
  /** A vote count that is not a number at all (`"n/a"`). */
  'non-numeric-votes',
  /** Percents that do not match the votes (the first entry's raised by 20 points). */
  'bad-percents',
  /** Fields the API never sends, on each object and its first entry. */
  'extra-fields',
  /** A body padded to `bytes` (default 20 MB), still valid JSON. */
  'huge-body',
  /** `count` candidates (default 10,000) in each race. */
  'many-candidates',
  /** Names with accents, right-to-left text, emoji and HTML. */
  'hostile-names',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultRuleSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  rate: z.number().min(0).max(1).optional(),
  paths: z.array(z.string().startsWith('/')).optional(),
  ids: z.array(z.string().regex(/^\d{14}$/)).optional(),
  status: z
    .union([z.literal(403), z.literal(404), z.literal(429), z.literal(500), z.literal(502), z.literal(503)])
    .optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  ms: z.number().int().nonnegative().max(600_000).optional(),
  loadsBack: z.number().int().positive().optional(),
  field: z.string().min(1).optional(),
  bytes: z.number().int().positive().max(200_000_000).optional(),
  count: z.number().int().positive().max(100_000).optional(),
});

export type FaultRule = z.infer<typeof FaultRuleSchema>;

export function parseFaultRules(rules: unknown): FaultRule[] {
  return parseWith(z.array(FaultRuleSchema), rules, 'rehearsal fault rules');
}

/** Faults that decide the whole answer; the first one that fires wins. */
const TERMINAL: ReadonlySet<FaultKind> = new Set([
  'status',
  'hang',
  'html',
  'reset',
  'truncate',
  'huge-body',
]);

/** What the faults that fired do to one request. */
export interface FaultPlan {
  readonly latencyMs: number;
  readonly loadsBack: number;
  readonly terminal: FaultRule | null;
  /** Rules that change the payload, in the order given. */
  readonly mutations: readonly FaultRule[];
}

function targets(rule: FaultRule, pathname: string, ids: readonly string[]): boolean {
  if (rule.paths && !rule.paths.some((prefix) => pathname.startsWith(prefix))) return false;
  return !rule.ids || rule.ids.some((id) => ids.includes(id));
}

/** Rolls each targeting rule once and sums up what fires. */
export function planFaults(
  rules: readonly FaultRule[],
  pathname: string,
  ids: readonly string[],
  random: Random,
): FaultPlan {
  let latencyMs = 0;
  let loadsBack = 0;
  let terminal: FaultRule | null = null;
  const mutations: FaultRule[] = [];

  for (const rule of rules) {
    if (!targets(rule, pathname, ids) || !random.chance(rule.rate ?? 1)) continue;
    if (rule.kind === 'latency') latencyMs += rule.ms ?? 0;
    else if (rule.kind === 'stale') loadsBack = Math.max(loadsBack, rule.loadsBack ?? 1);
    else if (TERMINAL.has(rule.kind)) terminal ??= rule;
    else mutations.push(rule);
  }
  return { latencyMs, loadsBack, terminal, mutations };
}
