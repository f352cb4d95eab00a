/** What one SMTP attempt came to for one recipient, with the reply to record (RFC 8621 §7 smtpReply). */
export type SmtpOutcome =
  | { kind: 'delivered'; reply: string }
  | { kind: 'temporary'; reply: string }
  | { kind: 'permanent'; reply: string; remoteMta?: string };

interface SmtpErrorLike {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
  recipient?: string;
}

/**
 * RFC 5321 §4.2.1: 4yz is a transient failure, 5yz a permanent one. Anything without a reply
 * (refused connection, timeout, TLS failure) is transient: the next attempt may reach the host.
 */
export function outcomeOfError(error: unknown): SmtpOutcome {
  const e = (error ?? {}) as SmtpErrorLike;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = oneLine(
    e.response ?? (code ? String(code) : `${e.code ?? 'ERROR'} ${e.message ?? String(error)}`),
  );
  if (code !== null && code >= 500 && code < 600) return { kind: 'permanent', reply };
  return { kind: 'temporary', reply: code === null ? `451 4.4.1 ${reply}` : reply };
}

export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
