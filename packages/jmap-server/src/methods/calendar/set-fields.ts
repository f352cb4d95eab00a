import type { SetError } from '@colibri/jmap-types';
import type { CalendarInput } from '@colibri/mail-store';
import { z } from 'zod';
import { isKnownTimeZone } from '../calendar-event/time-zone.js';
import { deepPatchPath, invalidProperties, parseProperties } from '../shared/set-properties.js';

/** An IANA time-zone name the server knows (JMAP Calendars §4: Calendar `timeZone`). */
const zoneSchema = z.string().refine(isKnownTimeZone, 'not a known IANA time zone');

/**
 * JMAP Calendars §4: the properties a client may set. `isDefault` is changed with
 * onSuccessSetIsDefault; `myRights` is the server's; shareWith and the default alerts are not
 * kept yet (null only, checked through `current`).
 */
const WRITABLE = {
  name: z.string().min(1),
  description: z.string().nullable(),
  color: z.string().min(1).nullable(),
  sortOrder: z
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  isSubscribed: z.boolean(),
  isVisible: z.boolean(),
  includeInAvailability: z.enum(['all', 'attending', 'none']),
  timeZone: zoneSchema.nullable(),
};

/** What a client may echo on create (the values a new calendar has anyway). */
const CREATE_DEFAULTS = {
  isDefault: false,
  shareWith: null,
  defaultAlertsWithTime: null,
  defaultAlertsWithoutTime: null,
};

export function parseCalendarCreate(values: Record<string, unknown>): CalendarInput | SetError {
  const fields = parseProperties(values, WRITABLE, CREATE_DEFAULTS);
  if ('type' in fields) return fields;
  if (fields.name === undefined) return invalidProperties(['name'], 'A calendar needs a name.');
  return fields;
}

export function parseCalendarPatch(
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
): CalendarInput | SetError {
  const deep = deepPatchPath(patch, 'Calendar');
  if (deep !== null) return deep;
  return parseProperties(patch, WRITABLE, current);
}
