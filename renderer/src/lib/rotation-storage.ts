/**
 * The rotation's place (current race, position, pin) kept in `localStorage` under one key,
 * so a restarted wall comes back where the operator left it. What is read back is
 * validated; anything else is ignored and the rotation starts at the first board.
 */
import { z } from 'zod';
import type { RotationPlace } from './rotation.js';

export const ROTATION_STORAGE_KEY = 'returns-wall:rotation';

const StoredPlaceSchema = z.object({
  version: z.literal(1),
  raceId: z
    .string()
    .regex(/^\d{14}$/)
    .nullable(),
  index: z.number().int().nonnegative(),
  pinned: z.boolean(),
});

/** The subset of `Storage` used, so tests and private windows can pass their own. */
export type PlaceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type LoadResult = { place: RotationPlace } | { place: null; problem: string | null };

export function loadPlace(storage: PlaceStorage): LoadResult {
  let text: string | null;
  try {
    text = storage.getItem(ROTATION_STORAGE_KEY);
  } catch (error) {
    return { place: null, problem: `could not read localStorage: ${String(error)}` };
  }
  if (text === null) return { place: null, problem: null };

  const parsed = StoredPlaceSchema.safeParse(parseJson(text));
  if (!parsed.success)
    return { place: null, problem: `ignored an invalid saved place: ${text.slice(0, 200)}` };
  const { raceId, index, pinned } = parsed.data;
  return { place: { raceId, index, pinned } };
}

/** Saves the place; returns a problem to log when storage refuses (quota, private mode). */
export function savePlace(storage: PlaceStorage, place: RotationPlace): string | null {
  try {
    storage.setItem(ROTATION_STORAGE_KEY, JSON.stringify({ version: 1, ...place }));
    return null;
  } catch (error) {
    return `could not save the rotation place: ${String(error)}`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
