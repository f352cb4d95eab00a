import type { UTCDate } from '@colibri/jmap-types';

/** RFC 8620 §1.4: a UTCDate in "Z" form, with the fraction of a second omitted when it is zero. */
export function toUtcDate(date: Date): UTCDate {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
