/**
 * The fault matrix as data: every way the SOS API (or the network to it) has failed or could
 * fail, with what the wall must do about each. The feed-level test runs every case
 * (fault-matrix.test.ts); the screen test runs every case that keeps the last good numbers
 * (test/e2e/reliability.spec.ts).
 */
import type { FaultRule } from '../../../main/sim/index.js';

/**
 * `kept`: the faulty answer is refused, the races it was for keep their last good numbers.
 * `corrected`: the answer is used with its percents recomputed from its votes.
 * `shown`: the answer is valid (if odd) and shown as sent.
 */
export type Outcome = 'kept' | 'corrected' | 'shown';

export interface MatrixCase {
  readonly name: string;
  readonly rule?: FaultRule;
  /** The fault is on the network: the port refuses connections. */
  readonly refused?: true;
  readonly outcome: Outcome;
  /** What the one log line must say; null where nothing is wrong enough to log. */
  readonly cause: RegExp | null;
  /** The request timeout, where the default 1 s is too short for the answer. */
  readonly timeoutSeconds?: number;
}

const NOT_JSON = /No usable answer for \d+ races?: invalid payload: \(root\): not JSON/;
const BAD_VOTES = /No usable answer for \d+ races?: invalid payload: .*Votes: expected a vote count/;
const NUMBER_VOTES = /invalid payload: candidates\.0\.Votes: Invalid input: expected string, received number/;

export const FAULT_CASES: readonly MatrixCase[] = [
  { name: 'HTTP 500', rule: { kind: 'status', status: 500 }, outcome: 'kept', cause: /: HTTP 500 \(/ },
  { name: 'HTTP 502', rule: { kind: 'status', status: 502 }, outcome: 'kept', cause: /: HTTP 502 \(/ },
  {
    name: 'HTTP 503 with Retry-After',
    rule: { kind: 'status', status: 503, retryAfterSeconds: 30 },
    outcome: 'kept',
    cause: /: HTTP 503 \(/,
  },
  {
    name: 'HTTP 403 for everything',
    rule: { kind: 'status', status: 403 },
    outcome: 'kept',
    cause: /HTTP 403 for every request/,
  },
  {
    name: 'HTTP 404 for everything',
    rule: { kind: 'status', status: 404 },
    outcome: 'kept',
    cause: /HTTP 404 for every request/,
  },
  {
    name: 'HTTP 429',
    rule: { kind: 'status', status: 429, retryAfterSeconds: 5 },
    outcome: 'kept',
    cause: /: HTTP 429 \(/,
  },
  { name: 'connection refused', refused: true, outcome: 'kept', cause: /ECONNREFUSED/ },
  {
    name: 'connection reset mid-body',
    rule: { kind: 'reset' },
    outcome: 'kept',
    cause: /the body broke off|closed in the middle of the body/,
  },
  {
    name: 'no answer at all',
    rule: { kind: 'hang' },
    outcome: 'kept',
    cause: /FeedTimeoutError: .*no answer in 1000 ms/,
  },
  { name: 'truncated JSON', rule: { kind: 'truncate' }, outcome: 'kept', cause: NOT_JSON },
  { name: 'an HTML page with status 200', rule: { kind: 'html' }, outcome: 'kept', cause: NOT_JSON },
  {
    name: 'an empty array',
    rule: { kind: 'empty-array' },
    outcome: 'kept',
    cause: /expected 4 answers, got 0 answers/,
  },
  {
    name: 'fewer objects than ids',
    rule: { kind: 'drop-objects' },
    outcome: 'kept',
    cause: /expected 4 answers, got 3 answers/,
  },
  {
    name: 'objects in another order',
    rule: { kind: 'shuffle' },
    outcome: 'kept',
    cause: /no answer fits the race: "[^"]+ - Statewide Results": /,
  },
  {
    name: 'a load older than the newest seen',
    rule: { kind: 'stale', loadsBack: 2 },
    outcome: 'kept',
    cause: /Ignored a stale load stamped .*older than the newest seen/,
  },
  {
    name: 'a missing field',
    rule: { kind: 'missing-field', field: 'ReportingTime' },
    outcome: 'kept',
    cause: /invalid payload: ReportingTime: /,
  },
  {
    name: 'a number where a string belongs',
    rule: { kind: 'number-for-string' },
    outcome: 'kept',
    cause: NUMBER_VOTES,
  },
  { name: 'negative votes', rule: { kind: 'negative-votes' }, outcome: 'kept', cause: BAD_VOTES },
  { name: 'non-numeric votes', rule: { kind: 'non-numeric-votes' }, outcome: 'kept', cause: BAD_VOTES },
  {
    name: 'percents that do not match the votes',
    rule: { kind: 'bad-percents' },
    outcome: 'corrected',
    cause: /the percents sent disagree with the votes; showing percents recomputed/,
  },
  {
    name: 'extra fields',
    rule: { kind: 'extra-fields' },
    outcome: 'shown',
    cause: /the answer has fields the app does not read \("winnerCalled", "ballotDesignation"\)/,
  },
  {
    name: 'a 20 MB body',
    rule: { kind: 'huge-body', bytes: 20_000_000 },
    outcome: 'shown',
    cause: /Races .*: its answer was over 5 MB, far larger than the API sends/,
    timeoutSeconds: 5,
  },
  {
    name: '10,000 candidates in one race',
    rule: { kind: 'many-candidates', count: 10_000, paths: ['/returns/query'] },
    outcome: 'shown',
    cause: /Races .*: it lists more than 500 candidates, far more than any real contest/,
  },
  { name: 'hostile names', rule: { kind: 'hostile-names' }, outcome: 'shown', cause: null },
];
