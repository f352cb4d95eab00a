/**
 * Scheduling messages received by mail (iMIP, RFC 6047 §3): applied to the recipient's calendar
 * only when the From address is authentic by our own checks (RFC 6047 §3: the iTIP sender must
 * be verified). Over SMTP: our Authentication-Results (RFC 8601, under our authserv-id; forged
 * ones were removed) says dmarc=pass for the From domain, or dkim=pass with a signing domain
 * aligned with it (RFC 7489 §3.1.1 relaxed). Over LMTP, where no checks of ours ran (the MTA in
 * front did its own), the DKIM signatures of a scheduling message are verified here, and an
 * aligned pass is required: the same rule without SPF, which from behind an MTA would see the
 * MTA's address. Anything else stays mail only.
 */
import { dkimVerify } from 'mailauth';
import { applyReceivedImip } from '@colibri/jmap-server';
import type { ReceivedImipOutcome } from '@colibri/jmap-server';
import type { AccountId, MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import type { DnsResolver } from './dns-resolver.js';
import { limitedResolver } from './dns-resolver.js';
import { AUTHENTICATION_TIMEOUT_MS } from './message-auth.js';
import type { ReceivedMessage } from './received-message.js';

/** The From address of a scheduling message when it is authentic, else null. */
export type ImipSenderCheck = (message: ReceivedMessage) => Promise<string | null>;

/** The header fields of a header section, unfolded, in order (names lower case). */
function headerFields(head: string): { name: string; value: string }[] {
  const end = head.search(/\r?\n\r?\n/);
  const section = end === -1 ? head : head.slice(0, end);
  const fields: { name: string; value: string }[] = [];
  for (const line of section.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

const withoutComments = (value: string): string => value.replace(/\([^()]*\)/g, ' ');

/** The one address of a From field (RFC 5322 §3.6.2), lower case; null for none or several. */
export function fromAddress(value: string): string | null {
  const bare = withoutComments(value).replace(/"[^"]*"/g, '""');
  const angle = [...bare.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)];
  if (angle.length > 1 || (bare.match(/@/g) ?? []).length !== 1) return null;
  const address = angle[0]?.[1] ?? bare.trim();
  return /^[^\s@<>,;]+@[^\s@<>,;]+$/.test(address) ? address.toLowerCase() : null;
}

/**
 * Relaxed alignment (RFC 7489 §3.1.1), without a public suffix list: the signing domain is the
 * From domain or a parent of it with at least two labels (never a subdomain, which someone else
 * may control, nor a bare suffix).
 */
const aligned = (signer: string, from: string): boolean =>
  signer === from || (signer.includes('.') && from.endsWith(`.${signer}`));

/**
 * The From address when our own Authentication-Results vouches for it (dmarc=pass for its
 * domain, or an aligned dkim=pass), else null.
 */
export function authenticFrom(head: string, serverName: string): string | null {
  const fields = headerFields(head);
  const address = singleFrom(fields);
  if (!address) return null;
  const domain = domainOf(address);
  const ours = fields.find(
    (f) =>
      f.name === 'authentication-results' &&
      withoutComments(f.value).split(';')[0]!.trim().split(/\s+/)[0]!.toLowerCase() ===
        serverName.toLowerCase(),
  );
  if (!ours) return null;
  for (const resinfo of withoutComments(ours.value).split(';').slice(1)) {
    const tokens = resinfo.trim().split(/\s+/);
    const [method, result] = (tokens[0] ?? '').toLowerCase().split('=');
    if (result !== 'pass') continue;
    const props = new Map(
      tokens.slice(1).map((t) => {
        const eq = t.indexOf('=');
        return [
          t.slice(0, eq).toLowerCase(),
          t
            .slice(eq + 1)
            .replace(/^"|"$/g, '')
            .toLowerCase(),
        ] as const;
      }),
    );
    if (method === 'dmarc' && props.get('header.from') === domain) return address;
    if (method === 'dkim') {
      const signer = props.get('header.d') ?? props.get('header.i')?.replace(/^.*@/, '');
      if (signer && aligned(signer, domain)) return address;
    }
  }
  return null;
}

/** The one From field's address (RFC 5322 §3.6.2), or null for none, several, or a list. */
function singleFrom(fields: { name: string; value: string }[]): string | null {
  const from = fields.filter((f) => f.name === 'from');
  return from.length === 1 ? fromAddress(from[0]!.value) : null;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/** SMTP: the sender checks prepended our Authentication-Results (`authenticFrom`). */
export const fromOurAuthResults =
  (serverName: string): ImipSenderCheck =>
  async (message) =>
    authenticFrom(message.head.toString('latin1'), serverName);

/**
 * LMTP: the From address when one of the message's DKIM signatures (RFC 6376), verified here
 * against the signer's DNS key, passes for a domain aligned with it (relaxed, as above).
 */
export const fromVerifiedDkim =
  (resolver: DnsResolver): ImipSenderCheck =>
  async (message) => {
    const bytes = message.bytes;
    const address = singleFrom(headerFields(message.head.toString('latin1')));
    if (bytes === null || address === null) return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const { results } = await Promise.race([
        dkimVerify(bytes, { resolver: limitedResolver(resolver) as never }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('DKIM verification timed out')),
            AUTHENTICATION_TIMEOUT_MS,
          );
        }),
      ]);
      const domain = domainOf(address);
      const passed = results.some(
        (r) => r.status.result === 'pass' && aligned(r.signingDomain.toLowerCase(), domain),
      );
      return passed ? address : null;
    } finally {
      clearTimeout(timer);
    }
  };

/**
 * After a copy was stored in the recipient's Inbox: its iTIP object applied to their calendar
 * when `senderOf` finds the sender authentic. Never throws (a failure is logged; the mail is
 * delivered anyway).
 */
export async function applyInboundImip(
  store: MailStore,
  accountId: AccountId,
  recipient: string,
  message: ReceivedMessage,
  senderOf: ImipSenderCheck,
  log: Logger,
): Promise<ReceivedImipOutcome | 'unauthenticated'> {
  try {
    const bytes = message.bytes;
    // Spooled (over 1 MiB): no scheduling message is that large; it stays mail.
    if (bytes === null || !/text\/calendar/i.test(bytes.toString('latin1'))) return 'none';
    const sender = await senderOf(message);
    if (sender === null) {
      log.info('iMIP not applied: the sender is not authenticated', { accountId });
      return 'unauthenticated';
    }
    return await applyReceivedImip({ store, log }, accountId, recipient, bytes, sender);
  } catch (error) {
    log.warn('iMIP not applied', { accountId, error: String(error) });
    return 'none';
  }
}
