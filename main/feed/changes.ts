/**
 * Change detection. A race changes only when its content (numbers, names, title) changes;
 * a new `ReportingTime` alone is not a change. An answer stamped older than the newest seen
 * for that race is a stale copy and is ignored. Deltas compare with the previous distinct
 * content, so the screen can say "+12,480 since 9:05 p.m.".
 */
import type { Candidate, CandidateRace, MeasureRace, MeasureSide, Race } from '../../shared/model.js';

export interface KnownRace {
  /** The content on show, with deltas against the content before it. */
  readonly race: Race;
  /** The newest `ReportingTime` an answer for this race carried (ISO-8601). */
  readonly seenAt: string;
}

export type MergeOutcome = 'new' | 'changed' | 'unchanged' | 'older';

export interface Merged {
  readonly outcome: MergeOutcome;
  readonly known: KnownRace;
}

/** The race without what does not count as content: stamps and deltas. */
export function contentKey(race: Race): string {
  if (race.kind === 'measure') {
    const { yes, no } = race.measure;
    return JSON.stringify([
      race.title,
      race.reporting,
      race.measure.name,
      yes.votes,
      yes.percent,
      no.votes,
      no.percent,
    ]);
  }
  const candidates = race.candidates.map((c) => [
    c.name,
    c.party,
    c.votes,
    c.percent,
    c.incumbent,
    c.ballotOrder,
  ]);
  return JSON.stringify([race.title, race.reporting, candidates]);
}

function candidateKey(candidate: Candidate): string {
  return `${candidate.name}\u0000${candidate.party}`;
}

function withCandidateDeltas(race: CandidateRace, previous: Race): CandidateRace {
  const before = new Map(
    previous.kind === 'candidates' ? previous.candidates.map((c) => [candidateKey(c), c.votes]) : [],
  );
  const candidates = race.candidates.map((candidate) => {
    const votes = before.get(candidateKey(candidate));
    return { ...candidate, delta: votes === undefined ? null : candidate.votes - votes };
  });
  return { ...race, candidates, deltaSince: previous.updatedAt };
}

function sideDelta(side: MeasureSide, previous: MeasureSide | undefined): MeasureSide {
  return { ...side, delta: previous === undefined ? null : side.votes - previous.votes };
}

function withMeasureDeltas(race: MeasureRace, previous: Race): MeasureRace {
  const before = previous.kind === 'measure' ? previous.measure : undefined;
  const measure = {
    ...race.measure,
    yes: sideDelta(race.measure.yes, before?.yes),
    no: sideDelta(race.measure.no, before?.no),
  };
  return { ...race, measure, deltaSince: previous.updatedAt };
}

/** Deltas of `race` against the content it replaces. */
export function withDeltas(race: Race, previous: Race): Race {
  return race.kind === 'candidates' ? withCandidateDeltas(race, previous) : withMeasureDeltas(race, previous);
}

/** Merges a freshly normalized race into what is known about it. */
export function mergeRace(known: KnownRace | undefined, incoming: Race): Merged {
  if (!known) return { outcome: 'new', known: { race: incoming, seenAt: incoming.updatedAt } };

  const incomingAt = Date.parse(incoming.updatedAt);
  if (incomingAt < Date.parse(known.seenAt)) return { outcome: 'older', known };

  const seenAt = incomingAt > Date.parse(known.seenAt) ? incoming.updatedAt : known.seenAt;
  if (contentKey(incoming) === contentKey(known.race)) {
    return { outcome: 'unchanged', known: { race: known.race, seenAt } };
  }
  return { outcome: 'changed', known: { race: withDeltas(incoming, known.race), seenAt } };
}
