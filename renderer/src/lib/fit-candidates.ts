/**
 * A primary can list 60 or more candidates; a TV board has room for a handful. The top
 * ones by votes get rows, the rest are summed into one "others" row.
 */
import type { Candidate } from '../../../shared/model.js';

export interface OthersRow {
  readonly count: number;
  readonly votes: number;
  readonly percent: number;
  readonly delta: number | null;
}

export interface FittedCandidates {
  readonly shown: readonly Candidate[];
  readonly others: OthersRow | null;
}

/** Rows a board has room for, the "others" row included. */
export const MAX_CANDIDATE_ROWS = 8;

/** `candidates` must already be sorted by votes (the model guarantees it). */
export function fitCandidates(
  candidates: readonly Candidate[],
  maxRows = MAX_CANDIDATE_ROWS,
): FittedCandidates {
  if (candidates.length <= maxRows) return { shown: candidates, others: null };

  const shown = candidates.slice(0, Math.max(1, maxRows - 1));
  const rest = candidates.slice(shown.length);
  return { shown, others: sumOthers(rest) };
}

function sumOthers(rest: readonly Candidate[]): OthersRow {
  const votes = rest.reduce((sum, candidate) => sum + candidate.votes, 0);
  const percent = rest.reduce((sum, candidate) => sum + candidate.percent, 0);
  const deltas = rest.map((candidate) => candidate.delta).filter((delta) => delta !== null);
  const delta = deltas.length > 0 ? deltas.reduce((sum, value) => sum + value, 0) : null;

  // Summed one-decimal percents can drift past 100 by rounding; keep it on the scale.
  return { count: rest.length, votes, percent: Math.min(100, Math.round(percent * 10) / 10), delta };
}
