/**
 * The API's number strings as numbers: votes with or without thousands separators, one-decimal
 * percents, and the `Reporting` sentence in both its forms (`0%` and `0.0%`).
 */
import { REPORTING_PATTERN } from '../../shared/api-schema.js';
import type { Reporting } from '../../shared/model.js';

/** `"1,386,966"` and `"1386966"` to 1386966. The schema has already checked the digits. */
export function parseVotes(text: string): number {
  return Number(text.replaceAll(',', ''));
}

export function parseReporting(text: string): Reporting {
  const [, percent = '', precincts = '', total = ''] = REPORTING_PATTERN.exec(text) ?? [];
  return {
    percent: Math.min(100, Number(percent)),
    precincts: parseVotes(precincts),
    precinctsTotal: parseVotes(total),
  };
}

/** A share to one decimal, as the API rounds it; 0 when nothing is counted. */
export function shareOf(votes: number, total: number): number {
  return total > 0 ? Math.round((votes / total) * 1000) / 10 : 0;
}

/** The API's percents are rounded to one decimal; beyond this they are simply wrong. */
const PERCENT_TOLERANCE = 0.15;

/**
 * The percents to show for a list of vote counts: the sent ones when they agree with the
 * votes, else recomputed from the votes. `recomputed` says which.
 */
export function checkedPercents(
  votes: readonly number[],
  sent: readonly number[],
): { percents: number[]; recomputed: boolean } {
  const total = votes.reduce((sum, value) => sum + value, 0);
  const computed = votes.map((value) => shareOf(value, total));
  const agrees = computed.every((value, index) => Math.abs(value - (sent[index] ?? 0)) <= PERCENT_TOLERANCE);
  return agrees ? { percents: [...sent], recomputed: false } : { percents: computed, recomputed: true };
}
