/** What the trace headers say about one SMTP transaction. */
export interface TraceInfo {
  /** The envelope sender (MAIL FROM), empty for a bounce. */
  mailFrom: string;
  recipient: string;
  /** The name the client gave in HELO/EHLO. */
  helo: string;
  clientHostname: string;
  clientAddress: string;
  serverName: string;
  /** "SMTP", "ESMTP", "ESMTPS"... (RFC 3848). */
  protocol: string;
  id: string;
  date: Date;
}

/** RFC 5322 §3.3 date-time in UTC, e.g. "Tue, 05 Mar 2024 08:00:00 +0000". */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** Client-supplied names go into a header: keep them to the characters a host name can have. */
function hostToken(value: string): string {
  const clean = value.replace(/[^A-Za-z0-9.:\-[\]_]/g, '').slice(0, 255);
  return clean === '' ? 'unknown' : clean;
}

function mailbox(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020<>\u007f]/g, '').slice(0, 320);
}

/**
 * RFC 5321 §4.4: at final delivery, the Return-Path (the envelope sender) and a Received line
 * naming the client, this server, the protocol, the transaction id and the one recipient this
 * copy is for (one copy per recipient, so no other recipient's address leaks).
 */
export function traceHeaders(trace: TraceInfo): string {
  const client = hostToken(trace.helo);
  const reverse =
    trace.clientHostname && trace.clientHostname !== `[${trace.clientAddress}]`
      ? `${hostToken(trace.clientHostname)} `
      : '';
  return (
    `Return-Path: <${mailbox(trace.mailFrom)}>\r\n` +
    `Received: from ${client} (${reverse}[${hostToken(trace.clientAddress)}])\r\n` +
    `\tby ${hostToken(trace.serverName)} (Colibri) with ${hostToken(trace.protocol)} id ${hostToken(trace.id)}\r\n` +
    `\tfor <${mailbox(trace.recipient)}>; ${rfc5322Date(trace.date)}\r\n`
  );
}
