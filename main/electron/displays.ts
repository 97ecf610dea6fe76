/**
 * Which displays get a kiosk window, from the config's `displays`: the primary one, all of
 * them, or a list of indexes into the displays in their left-to-right order.
 */
import type { WallConfig } from '../../shared/config.js';

export interface DisplayLike {
  readonly id: number;
  readonly bounds: { x: number; y: number; width: number; height: number };
}

/** Displays ordered left to right, then top to bottom: the order an operator counts them in. */
function inReadingOrder<T extends DisplayLike>(displays: readonly T[]): T[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
}

/**
 * The displays to cover. Indexes that match no display are returned in `missing`, so the
 * caller can log them; when none match at all, the primary display is used.
 */
export function chooseDisplays<T extends DisplayLike>(
  all: readonly T[],
  primary: T,
  setting: WallConfig['displays'],
): { chosen: T[]; missing: number[] } {
  if (setting === 'primary') return { chosen: [primary], missing: [] };

  const ordered = inReadingOrder(all);
  if (setting === 'all') return { chosen: ordered, missing: [] };

  const chosen = [...new Set(setting)].flatMap((index) => ordered[index] ?? []);
  const missing = setting.filter((index) => ordered[index] === undefined);
  return { chosen: chosen.length > 0 ? chosen : [primary], missing };
}
