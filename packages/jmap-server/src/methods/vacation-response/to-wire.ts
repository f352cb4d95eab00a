import type { VacationResponse, VacationResponseProperty } from '@colibri/jmap-types';
import { vacationResponseId } from '@colibri/mail-store';
import type { VacationResponse as StoredVacationResponse } from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';

/** RFC 8621 §8: every VacationResponse property. */
export const VACATION_RESPONSE_PROPERTIES: readonly VacationResponseProperty[] = [
  'id',
  'isEnabled',
  'fromDate',
  'toDate',
  'subject',
  'textBody',
  'htmlBody',
];

/** RFC 8621 §8: the one object's id. */
export const SINGLETON = vacationResponseId as 'singleton';

export function vacationResponseToWire(vacation: StoredVacationResponse): VacationResponse {
  return {
    id: SINGLETON,
    isEnabled: vacation.isEnabled,
    fromDate: vacation.fromDate === null ? null : toUtcDate(vacation.fromDate),
    toDate: vacation.toDate === null ? null : toUtcDate(vacation.toDate),
    subject: vacation.subject,
    textBody: vacation.textBody,
    htmlBody: vacation.htmlBody,
  };
}
