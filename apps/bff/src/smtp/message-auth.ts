import type { Readable } from 'node:stream';
import { authenticate } from 'mailauth';
import type { DnsResolver } from './dns-resolver.js';
import { limitedResolver } from './dns-resolver.js';

/** An upper bound on all checks of one message together (each lookup is limited too). */
export const AUTHENTICATION_TIMEOUT_MS = 30_000;

/** What to do with a message after SPF, DKIM, DMARC and ARC. */
export type AuthVerdict = 'inbox' | 'junk' | 'reject';

export interface AuthOutcome {
  verdict: AuthVerdict;
  /** The header fields to prepend: Received-SPF and Authentication-Results, CRLF-terminated. */
  headers: string;
  /** For the log: e.g. "spf=pass dkim=none dmarc=none". */
  summary: string;
}

export interface AuthInput {
  /** The message as received: in memory, or a stream of it (mailauth reads either; destroyed after). */
  raw: Buffer | Readable;
  /** The connecting client's address. */
  ip: string;
  helo: string;
  /** The MAIL FROM address ('' for the null reverse-path). */
  mailFrom: string;
  /** Our authserv-id (RFC 8601 §2.5): the SMTP server name. */
  serverName: string;
  resolver: DnsResolver;
  /** Per-lookup limit; default DNS_LOOKUP_TIMEOUT_MS. */
  lookupTimeoutMs?: number;
}

/**
 * Runs SPF (RFC 7208), DKIM (RFC 6376), DMARC (RFC 7489) and ARC (RFC 8617) with mailauth and
 * decides: a DMARC failure under `p=reject` is refused, under `p=quarantine` goes to Junk,
 * anything else to the Inbox (a failure without such a policy is only reported). A DNS problem
 * gives temperror results and the Inbox; an unexpected error or the overall time limit gives an
 * Authentication-Results saying so, never a lost message.
 */
export async function authenticateMessage(input: AuthInput): Promise<AuthOutcome> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      authenticate(input.raw, {
        ip: clientIp(input.ip),
        helo: input.helo,
        sender: input.mailFrom,
        mta: input.serverName,
        resolver: limitedResolver(input.resolver, input.lookupTimeoutMs) as never,
        disableBimi: true,
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('authentication timed out')), AUTHENTICATION_TIMEOUT_MS);
      }),
    ]);
    const dmarc = result.dmarc;
    const dmarcFailed = dmarc !== false && dmarc.status.result === 'fail';
    const policy = dmarcFailed ? dmarc.policy : 'none';
    const verdict: AuthVerdict = policy === 'reject' ? 'reject' : policy === 'quarantine' ? 'junk' : 'inbox';
    const dkim = (result.dkim.results ?? []).map((r) => r.status.result);
    const summary = [
      `spf=${result.spf === false ? 'none' : result.spf.status.result}`,
      `dkim=${dkim.length === 0 ? 'none' : dkim.join(',')}`,
      `dmarc=${dmarc === false ? 'none' : dmarc.status.result}`,
      `arc=${result.arc === false ? 'none' : result.arc.status.result}`,
    ].join(' ');
    return { verdict, headers: result.headers, summary };
  } catch (error) {
    // RFC 8601 §2.7: temperror says "try again may work"; we deliver rather than lose the mail.
    const reason = error instanceof Error ? error.message : 'unknown error';
    const headers =
      `Authentication-Results: ${input.serverName};\r\n spf=temperror; dkim=temperror; dmarc=temperror` +
      ` (${reason.replace(/[()\\\r\n]/g, ' ')})\r\n`;
    return { verdict: 'inbox', headers, summary: `temperror: ${reason}` };
  } finally {
    clearTimeout(timer);
    // After a timeout mailauth may still be reading: stop the stream (and its file).
    if (!Buffer.isBuffer(input.raw)) input.raw.destroy();
  }
}

/** smtp-server reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; SPF wants a.b.c.d. */
function clientIp(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
