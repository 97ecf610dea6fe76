import type { z } from 'zod';
import { ValidationError } from './errors.js';

/** Formats zod issues as `path.to.field: message`, the form every log and error uses. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

/** Parses `value` with `schema`, throwing a ValidationError that names `source` and the bad fields. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, source: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(source, formatIssues(result.error), { cause: result.error });
  }
  return result.data;
}
