/** `From ` lines (after any `>`) inside a message get one more `>` (mboxrd, reversible). */
const fromLine = /^(>*From )/gm;

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** asctime in UTC, as the mbox separator line carries it: `Sat Nov 29 03:19:31 2026`. */
export function asctime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCFullYear()}`
  );
}

/**
 * One mboxrd entry (RFC 4155 and the mboxrd convention): a separator line with the envelope
 * sender and the received date, the message with `>*From ` lines quoted once more, ending with a
 * newline, then the blank line that separates it from the next. The importer undoes each step.
 */
export function mboxEntry(raw: Uint8Array, sender: string, receivedAt: Date): Buffer {
  // latin1 keeps every byte as is (the message may be 8-bit in any charset).
  let text = Buffer.from(raw).toString('latin1').replace(fromLine, '>$1');
  if (!text.endsWith('\n')) text += '\n';
  const envelope = /^[^\s@]+@[^\s@]+$/.test(sender) ? sender : 'MAILER-DAEMON';
  return Buffer.from(`From ${envelope} ${asctime(receivedAt)}\n${text}\n`, 'latin1');
}
