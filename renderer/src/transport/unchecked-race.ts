/**
 * A race as received, before it is checked against the contract (`RaceSchema` in
 * shared/model.ts). Snapshots and updates are checked on receipt with their races checked
 * only for an id; each race is checked in full when the wall first needs it (`checkRace`).
 * A board shows one race at a time, and checking all 5,000 of a snapshot on receipt cost a
 * cold start ~180 ms in the page, whose CSP (no eval) keeps zod on its slow path.
 */
import { z } from 'zod';
import { CandidateRaceSchema, type Race, RaceSchema } from '../../../shared/model.js';
import { describeInvalid } from './problem.js';

declare const unchecked: unique symbol;

/** Only its id is known to be good; `checkRace` gives the race itself. */
export type UncheckedRace = { readonly id: string; readonly [unchecked]: true };

const RaceIdSchema = CandidateRaceSchema.shape.id;

function hasRaceId(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    RaceIdSchema.safeParse((value as { id?: unknown }).id).success
  );
}

/**
 * What every received race must be: an object with a race id (the contract's own id schema);
 * the rest waits for `checkRace`. A custom check rather than a loose object, which would copy
 * every race on receipt.
 */
export const UncheckedRaceSchema = z.custom<UncheckedRace>(hasRaceId, {
  message: 'expected a race: an object with a 14-digit race id',
});

export type RaceCheck =
  { readonly ok: true; readonly race: Race } | { readonly ok: false; readonly problem: string };

const checks = new WeakMap<UncheckedRace, RaceCheck>();

/** The race checked against the contract; each received race is checked once, however often asked. */
export function checkRace(received: UncheckedRace): RaceCheck {
  let check = checks.get(received);
  if (check === undefined) {
    check = runCheck(received);
    checks.set(received, check);
  }
  return check;
}

function runCheck(received: UncheckedRace): RaceCheck {
  const result = RaceSchema.safeParse(received);
  if (result.success) return { ok: true, race: result.data };
  return { ok: false, problem: describeInvalid(`Dropped an invalid race ${received.id}`, result.error) };
}
