// Requests from menus and google.script.run arrive as plain values (anything a caller sends):
// each use case checks its request with a zod schema before it reads a tab. The message names
// the field, or what the bare value stands for, once.
import * as z from 'zod';

/** The request as the schema types it, or an error naming each bad field. `bare` names a request
 *  that is a single value (closeMonth('2026-11')), where zod gives no field path. */
export function validateRequest<T>(schema: z.ZodType<T>, input: unknown, bare = 'request'): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new Error(`Invalid request: ${r.error.issues.map((i) => `${i.path.join('.') || bare}: ${i.message}`).join('; ')}`);
}

/** 'YYYY-MM' with a real month. */
export const MONTH_MESSAGE = 'must be a month written YYYY-MM, e.g. 2026-11';
