/*
 * Wire ids -> the store's branded ids (STYLE 9: only the store makes ids, and only the store
 * knows their shape). Null means "cannot be one of ours", which callers answer as not found.
 */
export { toBlobId, toEmailId, toMailboxId, toThreadId } from '@colibri/mail-store';
export {
  toEmailSubmissionId,
  toIdentityId,
  toShareNotificationId,
  toSieveScriptId,
} from '@colibri/mail-store';
export { toCalendarEventId, toCalendarId } from '@colibri/mail-store';
export { toAddressBookId, toContactCardId } from '@colibri/mail-store';
