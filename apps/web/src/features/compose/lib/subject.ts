// Prefixes other mail clients write, in the languages we are likely to meet (Outlook translates
// them): a reply to "AW: x" must not become "Re: AW: x", nor a forward of "TR: x" "Fwd: TR: x".
const REPLY_PREFIX = /^\s*(re|aw|sv|vs|antw|ref|r)\s*(\[\d+\])?\s*:\s*/i;
const FORWARD_PREFIX = /^\s*(fwd?|fw|tr|wg|rv|enc|vl)\s*(\[\d+\])?\s*:\s*/i;

/** The subject without its leading run of reply prefixes ("Re: AW: Re: x" -> "x"). */
function withoutPrefixes(subject: string, prefix: RegExp): string {
  let rest = subject;
  for (let match = prefix.exec(rest); match; match = prefix.exec(rest)) rest = rest.slice(match[0].length);
  return rest.trim();
}

/** RFC 5322 §3.6.5: a reply's subject is "Re: " and the original's, with no prefix doubled. */
export function replySubject(subject: string | null | undefined): string {
  return `Re: ${withoutPrefixes(subject ?? '', REPLY_PREFIX)}`;
}

/** A forward's subject: "Fwd: " and the original's, without piling up forward prefixes. */
export function forwardSubject(subject: string | null | undefined): string {
  return `Fwd: ${withoutPrefixes(subject ?? '', FORWARD_PREFIX)}`;
}
