/**
 * Pacific time, as the SOS API writes it ("June 3, 2026, 12:54 a.m.", no zone) and as the
 * wall shows it. Offsets follow US rules since 2007: PDT (-07:00) from 2 a.m. on the second
 * Sunday of March to 2 a.m. on the first Sunday of November, PST (-08:00) otherwise.
 * Pure arithmetic, so main, renderer and the rehearsal feed agree without a time-zone database.
 */
import { REPORTING_TIME_PATTERN } from './api-schema.js';
import { ReturnsWallError } from './errors.js';

// prettier-ignore
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
] as const;

export class ReportingTimeError extends ReturnsWallError {}

interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
}

const HOUR_MS = 3_600_000;

/** Day of month of the n-th Sunday (n >= 1) of a month (1-12). */
function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (n - 1);
}

/** UTC instants at which PDT starts and ends in a year. */
function daylightBounds(year: number): { start: number; end: number } {
  // 2 a.m. PST = 10:00 UTC; 2 a.m. PDT = 09:00 UTC.
  const start = Date.UTC(year, 2, nthSunday(year, 3, 2), 10);
  const end = Date.UTC(year, 10, nthSunday(year, 11, 1), 9);
  return { start, end };
}

/** The Pacific offset in hours (-7 or -8) in force at a UTC instant. */
export function pacificOffsetHours(instant: Date): number {
  const { start, end } = daylightBounds(instant.getUTCFullYear());
  const t = instant.getTime();
  return t >= start && t < end ? -7 : -8;
}

/** The offset of a Pacific wall-clock time; the repeated hour in November reads as PDT. */
function offsetOfLocal(local: LocalTime): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const { start, end } = daylightBounds(local.year);
  // Wall clock jumps 2->3 a.m. in March and repeats 1 a.m. in November.
  const daylight = asUtc >= start - 8 * HOUR_MS && asUtc < end - 7 * HOUR_MS;
  return daylight ? -7 : -8;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function formatOffset(hours: number): string {
  return `${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:00`;
}

function toLocal(instant: Date): { local: LocalTime; offset: number } {
  const offset = pacificOffsetHours(instant);
  const shifted = new Date(instant.getTime() + offset * HOUR_MS);
  const local = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
  return { local, offset };
}

/** `"June 3, 2026, 12:54 a.m."` to `"2026-06-03T00:54:00-07:00"`. */
export function parseReportingTime(text: string): string {
  const match = REPORTING_TIME_PATTERN.exec(text);
  const [, monthName = '', day = '', year = '', hour12 = '', minute = '', meridiem = ''] = match ?? [];
  const month = MONTHS.indexOf(monthName as (typeof MONTHS)[number]) + 1;
  const local = {
    year: Number(year),
    month,
    day: Number(day),
    hour: (Number(hour12) % 12) + (meridiem === 'p' ? 12 : 0),
    minute: Number(minute),
  };
  if (!match || month === 0 || !isRealTime(local, Number(hour12))) {
    throw new ReportingTimeError(`ReportingTime "${text}" is not a time like "June 3, 2026, 12:54 a.m."`);
  }
  const offset = offsetOfLocal(local);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:00${formatOffset(offset)}`;
}

function isRealTime(local: LocalTime, hour12: number): boolean {
  const daysInMonth = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
  return local.day >= 1 && local.day <= daysInMonth && hour12 >= 1 && hour12 <= 12 && local.minute < 60;
}

function clock12(local: LocalTime): string {
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  return `${hour12}:${pad(local.minute)} ${local.hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** An instant as the API writes it: `"June 3, 2026, 12:54 a.m."`. */
export function formatReportingTime(instant: Date): string {
  const { local } = toLocal(instant);
  return `${MONTHS[local.month - 1] ?? ''} ${local.day}, ${local.year}, ${clock12(local)}`;
}

/** An instant as the wall shows it: `"12:54 a.m. PDT"`. */
export function formatPacificClock(instant: Date): string {
  const { local, offset } = toLocal(instant);
  return `${clock12(local)} ${offset === -7 ? 'PDT' : 'PST'}`;
}

/** An ISO-8601 string with its Pacific offset for an instant: `"2026-06-03T00:54:00-07:00"`. */
export function toPacificIso(instant: Date): string {
  const { local, offset } = toLocal(instant);
  const seconds = pad(new Date(instant.getTime()).getUTCSeconds());
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${seconds}${formatOffset(offset)}`;
}
