/**
 * `npm run soak -- --hours 12 --speed 720`: simulated hours at a clock speed (simulated
 * seconds per real second), so the run lasts hours x 3600 / speed real seconds. The
 * default, a 12-hour night at 480x, takes 90 s. `--polls` says how often the wall polls:
 * once a real second (its 1-second timer, the default), or once a simulated second, as a
 * real night polling every second would (`speed` polls a real second, back to back when a
 * cycle takes longer: see poll-driver.ts). `--boards` says how often the board changes: once
 * a real second (the wall's rotation at a 1-second dwell, the default), or once a simulated
 * default dwell, as a real night at 12 s a board would (`speed / 12` a real second, stepped
 * with the wall's own next-board key: see board-stepper.ts).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ReturnsWallError } from '../../shared/errors.js';
import { formatIssues } from '../../shared/validate.js';
import { boardsPerSecondAt } from './board-stepper.js';

/** The soak's command line was wrong: printed with the usage, exit code 2. */
export class SoakUsageError extends ReturnsWallError {}

export const SOAK_USAGE =
  'npm run soak -- [--hours 12] [--speed 480] [--at 19:58] [--polls per-real-second|per-simulated-second] ' +
  '[--boards per-real-second|per-simulated-dwell] [--warmup SECONDS] [--samples 5] [--seed 1]';

const MIN_WARMUP_S = 5;
const MAX_WARMUP_S = 60;
/** The default warm-up, as a share of the run, between the two bounds above. */
const WARMUP_SHARE = 0.2;

const NumberText = z.coerce.number().refine(Number.isFinite, 'expected a number');

const FlagsSchema = z
  .strictObject({
    hours: NumberText.pipe(z.number().positive().max(48)).default(12),
    speed: NumberText.pipe(z.number().positive().max(100_000)).default(480),
    warmup: NumberText.pipe(z.number().positive()).optional(),
    samples: NumberText.pipe(z.number().int().min(1).max(50)).default(5),
    seed: NumberText.pipe(z.number().int().min(0)).default(1),
    /** Where the rehearsal night starts (as `returns-wall sim --at`). */
    at: z.string().min(1).default('19:58'),
    polls: z.enum(['per-real-second', 'per-simulated-second']).default('per-real-second'),
    boards: z.enum(['per-real-second', 'per-simulated-dwell']).default('per-real-second'),
  })
  .transform(({ warmup, ...flags }) => {
    const seconds = (flags.hours * 3600) / flags.speed;
    const warmupSeconds = warmup ?? Math.min(MAX_WARMUP_S, Math.max(MIN_WARMUP_S, seconds * WARMUP_SHARE));
    /** Poll cycles asked for a real second. */
    const pollsPerSecond = flags.polls === 'per-simulated-second' ? flags.speed : 1;
    /** Board changes asked for a real second. */
    const boardsPerSecond = flags.boards === 'per-simulated-dwell' ? boardsPerSecondAt(flags.speed) : 1;
    return { ...flags, seconds, warmupSeconds, pollsPerSecond, boardsPerSecond };
  })
  .refine((options) => options.warmupSeconds < options.seconds, {
    message: 'the warm-up must end before the run does: more hours, a lower speed or a shorter --warmup',
  })
  .refine((options) => options.polls === 'per-real-second' || options.speed > 1, {
    message:
      '--polls per-simulated-second needs a speed above 1: at 1x or slower the 1-second timer polls as often',
  })
  .refine((options) => options.boards === 'per-real-second' || options.boardsPerSecond > 1, {
    message:
      "--boards per-simulated-dwell needs a speed above 12: slower, the rotation's 1-second dwell changes boards as often",
  });

export type SoakOptions = z.output<typeof FlagsSchema>;

export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        hours: { type: 'string' },
        speed: { type: 'string' },
        warmup: { type: 'string' },
        samples: { type: 'string' },
        seed: { type: 'string' },
        at: { type: 'string' },
        polls: { type: 'string' },
        boards: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new SoakUsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }

  const parsed = FlagsSchema.safeParse(values);
  if (!parsed.success)
    throw new SoakUsageError(formatIssues(parsed.error).join('; '), { cause: parsed.error });
  return parsed.data;
}
