import { promises as dns } from 'node:dns';
import nodemailer from 'nodemailer';
import type { OutboundRelay } from '../../config/config.js';
import { oneLine, outcomeOfError, type SmtpOutcome } from './smtp-outcome.js';

/** How long one SMTP conversation may take at each step before it counts as a temporary failure. */
export const SMTP_TIMEOUTS_MS = { connection: 30_000, greeting: 30_000, socket: 5 * 60_000 } as const;
/** RFC 5321 §4.5.3.1.8 is about recipients; this bounds how many MX hosts we try per attempt. */
export const MAX_MX_HOSTS = 5;

export type ResolveMx = (domain: string) => Promise<{ exchange: string; priority: number }[]>;

export interface DkimSigning {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface RemoteTarget {
  relay: OutboundRelay;
  /** Our name in EHLO. */
  serverName: string;
  /** MX lookups; `dns.promises.resolveMx` by default, a fake in tests (no DNS here). */
  resolveMx?: ResolveMx;
  /** Port for direct MX delivery (25; tests point it elsewhere). */
  mxPort?: number;
}

interface Host {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

/**
 * RFC 5321 §5.1: the domain's MX hosts by preference; no MX record → the domain itself (its
 * address records, "implicit MX"); a null MX (RFC 7505, one record with exchange ".") → the
 * domain accepts no mail, a permanent failure.
 */
async function mxHosts(domain: string, target: RemoteTarget): Promise<Host[] | SmtpOutcome> {
  const port = target.mxPort ?? 25;
  let records: { exchange: string; priority: number }[];
  try {
    records = await (target.resolveMx ?? dns.resolveMx)(domain);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENODATA') records = [];
    else if (code === 'ENOTFOUND')
      return { kind: 'permanent', reply: `550 5.1.2 Domain ${domain} does not exist` };
    else return { kind: 'temporary', reply: `451 4.4.3 DNS lookup for ${domain} failed: ${code ?? 'error'}` };
  }
  if (records.length === 1 && (records[0]!.exchange === '' || records[0]!.exchange === '.'))
    return { kind: 'permanent', reply: `556 5.1.10 Domain ${domain} does not accept mail (null MX)` };
  if (records.length === 0) return [{ host: domain, port, secure: false }];
  return [...records]
    .sort((a, b) => a.priority - b.priority)
    .slice(0, MAX_MX_HOSTS)
    .map((r) => ({ host: r.exchange, port, secure: false }));
}

/**
 * Sends one message to recipients of one domain in one SMTP transaction, through the relay or the
 * domain's MX, and returns an outcome per recipient (RCPT TO replies are per recipient).
 */
export async function deliverRemote(
  target: RemoteTarget,
  domain: string,
  envelope: { mailFrom: string; rcptTo: string[] },
  raw: Uint8Array,
  dkim: DkimSigning | null,
): Promise<Map<string, SmtpOutcome>> {
  const all = (outcome: SmtpOutcome) => new Map(envelope.rcptTo.map((r) => [r, outcome]));
  const relay = target.relay;
  if (relay.kind === 'none')
    return all({ kind: 'temporary', reply: '451 4.3.5 No relay configured (COLIBRI_SMTP_RELAY=none)' });
  let hosts: Host[];
  if (relay.kind === 'relay') {
    const auth = relay.user !== null ? { user: relay.user, pass: relay.pass ?? '' } : undefined;
    hosts = [{ host: relay.host, port: relay.port, secure: relay.secure, ...(auth ? { auth } : {}) }];
  } else {
    const found = await mxHosts(domain, target);
    if (!Array.isArray(found)) return all(found);
    hosts = found;
  }

  let last: SmtpOutcome = { kind: 'temporary', reply: '451 4.4.1 No host reachable' };
  for (const host of hosts) {
    const transport = nodemailer.createTransport({
      host: host.host,
      port: host.port,
      secure: host.secure,
      ...(host.auth ? { auth: host.auth } : {}),
      name: target.serverName,
      connectionTimeout: SMTP_TIMEOUTS_MS.connection,
      greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
      socketTimeout: SMTP_TIMEOUTS_MS.socket,
      // A relay on localhost (tests, a local MTA) often has a self-signed certificate.
      tls: { rejectUnauthorized: host.host !== '127.0.0.1' && host.host !== 'localhost' },
    });
    try {
      const info = await transport.sendMail({
        envelope: { from: envelope.mailFrom, to: envelope.rcptTo },
        raw: Buffer.from(raw),
        ...(dkim ? { dkim } : {}),
      });
      const outcomes = new Map<string, SmtpOutcome>();
      const reply = oneLine(info.response ?? '250 OK');
      for (const r of info.accepted as string[]) outcomes.set(r, { kind: 'delivered', reply });
      for (const error of (info as { rejectedErrors?: unknown[] }).rejectedErrors ?? []) {
        const r = (error as { recipient?: string }).recipient;
        if (r) outcomes.set(r, outcomeOfError(error));
      }
      for (const r of envelope.rcptTo)
        if (!outcomes.has(r))
          outcomes.set(r, { kind: 'temporary', reply: '451 4.4.0 No reply for recipient' });
      return outcomes;
    } catch (error) {
      const rejected = (error as { rejectedErrors?: unknown[] }).rejectedErrors;
      const outcome = outcomeOfError(error);
      // Some RCPT TO refused: each refused recipient has its own reply, the rest share the error.
      if (rejected && rejected.length > 0) {
        const outcomes = all(outcome);
        for (const e of rejected) {
          const r = (e as { recipient?: string }).recipient;
          if (r) outcomes.set(r, outcomeOfError(e));
        }
        return outcomes;
      }
      last = outcome.kind === 'permanent' ? { ...outcome, remoteMta: host.host } : outcome;
      // A reply (4xx/5xx) is the host's answer; only an unreachable host sends us to the next MX.
      if ((error as { responseCode?: number }).responseCode !== undefined) return all(last);
    } finally {
      transport.close();
    }
  }
  return all(last);
}
