import { z, type ZodType } from 'zod';

import { errors } from './errors.js';

/**
 * Parses `value` with `schema`, turning a failure into a 400 `invalid_input` whose message names
 * the first bad field.
 */
export function parse<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  throw errors.invalidInput(`${where}${first?.message ?? 'invalid input'}`, issues);
}

/** A positive integer id taken from a route parameter. */
export const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function parseId(value: unknown, what = 'id'): number {
  const result = idParam.safeParse(value);
  if (!result.success) throw errors.invalidInput(`${what} must be a positive integer`);
  return result.data;
}

export { z };
