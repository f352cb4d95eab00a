import type { SetError } from '@colibri/jmap-types';
import { MailboxFieldError, MailboxNotEmptyError, MailboxTakenError, StoreError } from '@colibri/mail-store';
import { invalidProperties } from './set-props.js';

/**
 * A refused mailbox write as its RFC 8621 §2.5 / RFC 8620 §5.3 SetError. A rule about one
 * property (bad name, sibling with that name, unknown parent, loop, depth, role taken) is
 * invalidProperties naming it: the record breaks a Mailbox invariant of §2 (alreadyExists is
 * /copy's error, §5.4). Anything that is no StoreError is rethrown (a server fault).
 */
export function setErrorOf(error: unknown): SetError {
  if (error instanceof MailboxFieldError || error instanceof MailboxTakenError)
    return invalidProperties([error.property], `${error.message}.`);
  if (error instanceof MailboxNotEmptyError)
    return error.holds === 'children'
      ? { type: 'mailboxHasChild', description: 'Destroy or move its child mailboxes first.' }
      : {
          type: 'mailboxHasEmail',
          description: 'The mailbox has emails: set onDestroyRemoveEmails to remove them with it.',
        };
  if (!(error instanceof StoreError)) throw error;
  switch (error.code) {
    case 'notFound':
      return { type: 'notFound' };
    case 'forbidden':
      return { type: 'forbidden', description: `${error.message}.` };
    default:
      return { type: 'invalidProperties', description: `${error.message}.` };
  }
}
