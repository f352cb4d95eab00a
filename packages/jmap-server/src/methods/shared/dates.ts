import { z } from 'zod';
import type { UTCDate } from '@colibri/jmap-types';

/** RFC 8620 §1.4: a UTCDate in "Z" form, with the fraction of a second omitted when it is zero. */
export function toUtcDate(date: Date): UTCDate {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/** RFC 8620 §1.4: a UTCDate ("Z", upper-case letters, optional fraction) that is a real date. */
export const utcDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'not a UTCDate')
  // A date the calendar has: "2026-02-30" would otherwise roll over to March.
  .refine((value) => {
    const date = new Date(value);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value.slice(0, 19));
  }, 'not a UTCDate')
  .transform((value) => new Date(value));
