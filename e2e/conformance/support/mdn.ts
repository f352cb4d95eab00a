import type { Id } from '@colibri/jmap-types';
import type { JmapAccount } from './jmap-raw.js';
import { importMessage, mailboxesByRole, rfc822 } from './mail.js';

/** RFC 9007 §2: the disposition of a receipt for a message the user opened. */
export const displayed = { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' };

/** An email asking for a read receipt (RFC 8098 Disposition-Notification-To) to `requester`. */
export async function askingForReceipt(
  account: JmapAccount,
  requester: JmapAccount,
  subject: string,
): Promise<Id> {
  const { inbox } = await mailboxesByRole(account);
  const email = await importMessage(
    account,
    rfc822({
      from: `<${requester.email}>`,
      to: `<${account.email}>`,
      subject,
      messageId: `<${subject.replace(/\W/g, '')}@example.org>`,
      headers: [`Disposition-Notification-To: <${requester.email}>`],
    }),
    [inbox!],
  );
  return email.id;
}
