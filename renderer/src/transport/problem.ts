import type { z } from 'zod';
import { formatIssues } from '../../../shared/validate.js';

const MAX_PROBLEM_LENGTH = 1500;

/** One sentence for the log and the status overlay: what was dropped and its first bad fields. */
export function describeInvalid(what: string, error: z.ZodError): string {
  const issues = formatIssues(error).slice(0, 5).join('; ');
  return `${what}: ${issues}.`.slice(0, MAX_PROBLEM_LENGTH);
}
