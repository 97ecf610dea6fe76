/**
 * Numbers, percents, deltas and ages as the wall prints them. Fixed to en-US so a studio
 * machine's locale never changes the separators on air.
 */
import { formatPacificClock, formatReportingTime } from '../../../shared/pacific-time.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `1386966` to `"1,386,966"`. */
export function formatVotes(votes: number): string {
  return integer.format(votes);
}

/** `46.2` to `"46.2%"`. */
export function formatPercent(percent: number): string {
  return `${oneDecimal.format(percent)}%`;
}

/** `12480` to `"+12,480"`, `-3` to `"−3"`, zero to `"+0"`. */
export function formatDelta(delta: number): string {
  return delta < 0 ? `\u2212${integer.format(-delta)}` : `+${integer.format(delta)}`;
}

const HALF_DAY_MS = 12 * 3_600_000;

/** A load time as the board's "as of": the clock, or the full date once it is half a day old. */
export function formatAsOf(iso: string, now: number): string {
  const instant = new Date(iso);
  if (now - instant.getTime() > HALF_DAY_MS) return formatReportingTime(instant);

  return formatPacificClock(instant);
}

/** A clock time without its zone, for "since 9:05 p.m.". */
export function formatClock(iso: string): string {
  return formatPacificClock(new Date(iso)).replace(/ P[DS]T$/, '');
}

/** `725` to `"12 min"`; under a minute `"under a minute"`; days once past 48 hours. */
export function formatAge(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;

  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
