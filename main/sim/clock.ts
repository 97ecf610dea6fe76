/**
 * The simulated clock: real time scaled by a speed (simulated seconds per real second, 0
 * pauses), from a starting point that can be moved at any time.
 */
import { ReturnsWallError } from '../../shared/errors.js';
import { pacificInstant } from './night.js';

export class SimClockError extends ReturnsWallError {}

const CLOCK_PATTERN = /^(\d{1,2}):(\d{2})$/;

/**
 * Reads `--at`: `19:58` is election day, Pacific; a time before noon (`01:30`) is the small
 * hours after it; anything else must be an ISO-8601 instant.
 */
export function parseAt(at: string | Date, electionDay: string): number {
  if (at instanceof Date) return at.getTime();

  const clock = CLOCK_PATTERN.exec(at.trim());
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    if (hour > 23 || minute > 59)
      throw new SimClockError(`Clock time "${at}" is not a time of day like 19:58`);
    return pacificInstant(electionDay, hour < 12 ? 1 : 0, hour, minute);
  }

  const instant = /^\d{4}-\d{2}-\d{2}T/.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(instant)) {
    throw new SimClockError(`Clock time "${at}" is neither a time of day like 19:58 nor an ISO-8601 instant`);
  }
  return instant;
}

export function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < 0) {
    throw new SimClockError(`Clock speed must be a number of 0 or more, not ${speed}`);
  }
  return speed;
}

export class SimClock {
  private anchorSim: number;
  private anchorReal: number;

  constructor(
    start: number,
    private speed: number,
    private readonly realNow: () => number = Date.now,
  ) {
    checkSpeed(speed);
    this.anchorSim = start;
    this.anchorReal = realNow();
  }

  now(): number {
    return this.anchorSim + (this.realNow() - this.anchorReal) * this.speed;
  }

  set(instant: number): void {
    this.anchorSim = instant;
    this.anchorReal = this.realNow();
  }

  setSpeed(speed: number): void {
    const checked = checkSpeed(speed);
    this.set(this.now());
    this.speed = checked;
  }
}
