import type { SetError } from '@colibri/jmap-types';
import { vacationLimits } from '@colibri/mail-store';
import type { VacationResponse } from '@colibri/mail-store';
import { z } from 'zod';
import { utcDateSchema } from '../shared/dates.js';
import { deepPatchPath, parseProperties } from '../shared/set-properties.js';

const dateSchema = utcDateSchema.nullable();

/** RFC 8621 §8: the properties a client may set; `id` is the server's ("singleton"). */
const WRITABLE = {
  isEnabled: z.boolean(),
  fromDate: dateSchema,
  toDate: dateSchema,
  subject: z.string().max(vacationLimits.maxSubjectChars).nullable(),
  textBody: z.string().max(vacationLimits.maxBodyChars).nullable(),
  htmlBody: z.string().max(vacationLimits.maxBodyChars).nullable(),
};

/** RFC 8621 §8.2: a VacationResponse PatchObject (top-level properties) as the store's patch. */
export function parseVacationPatch(
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
): Partial<VacationResponse> | SetError {
  return deepPatchPath(patch, 'VacationResponse') ?? parseProperties(patch, WRITABLE, current);
}
