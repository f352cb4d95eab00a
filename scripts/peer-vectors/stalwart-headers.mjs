// Header values from stalwart mail-parser's expected parse (`parts[i].headers`), compared with what
// the store exposes: the email's parsed fields (RFC 8621 §4.1.2-§4.1.3) for part 0, and each
// part's type/charset/name/disposition/cid/language (RFC 8621 §4.1.4) for every part.
// Their encoding: `{ Text }`, `{ TextList }`, `{ Address: { List: [{ name, address }] } }`,
// `{ DateTime: { year, …, tz_before_gmt, tz_hour, tz_minute } }`,
// `{ ContentType: { c_type, c_subtype, attributes: [{ name, value }] } }` and `"Empty"`.

const text = (v) => (v && typeof v === 'object' ? (v.Text ?? null) : null);
const lower = (s) => (typeof s === 'string' ? s.toLowerCase() : s);

function addressList(v) {
  const list = v?.Address?.List;
  if (!Array.isArray(list)) return undefined;
  return list.map((a) => ({ name: a.name ?? null, email: a.address ?? null }));
}

function instant(v) {
  const d = v?.DateTime;
  if (!d) return null;
  const offset = (d.tz_hour * 60 + d.tz_minute) * (d.tz_before_gmt ? -1 : 1);
  const utc = Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second);
  return new Date(utc - offset * 60_000).toISOString();
}

function attribute(ct, name) {
  const found = ct?.attributes?.find((a) => a.name.toLowerCase() === name);
  return found ? found.value : null;
}

const show = (v) => JSON.stringify(v);

/**
 * @returns {{ check: string, message: string }[]} one entry per header value that differs.
 */
export function compareHeaders(email, ourParts, theirParts) {
  const problems = [];
  const differ = (check, got, want) => {
    if (show(got) !== show(want)) problems.push({ check, message: `got ${show(got)} want ${show(want)}` });
  };
  const top = theirParts[0]?.headers ?? [];
  const emailFields = {
    subject: 'subject',
    from: 'from',
    to: 'to',
    cc: 'cc',
    bcc: 'bcc',
    reply_to: 'replyTo',
    sender: 'sender',
  };
  for (const h of top) {
    if (typeof h.name !== 'string') continue;
    const field = emailFields[h.name];
    if (h.name === 'subject') differ('header subject', email.subject, text(h.value));
    else if (field) {
      const want = h.value === 'Empty' ? null : addressList(h.value);
      if (want === undefined) continue;
      const got = email[field]?.map((a) => ({ name: a.name ?? null, email: a.email ?? null })) ?? null;
      differ(`header ${h.name}`, got, want);
    } else if (h.name === 'date')
      differ('header date', email.sentAt ? email.sentAt.toISOString() : null, instant(h.value));
    else if (h.name === 'message_id')
      differ('header message-id', email.messageId?.[0] ?? null, text(h.value));
    else if (h.name === 'in_reply_to' || h.name === 'references') {
      const want = h.value?.TextList ?? (text(h.value) === null ? null : [text(h.value)]);
      differ(`header ${h.name}`, email[h.name === 'references' ? 'references' : 'inReplyTo'], want);
    }
  }
  const count = Math.min(ourParts.length, theirParts.length);
  if (ourParts.length !== theirParts.length)
    problems.push({
      check: 'part count',
      message: `got ${ourParts.length} parts want ${theirParts.length}`,
    });
  for (let i = 0; i < count; i += 1) {
    const ours = ourParts[i];
    const headers = theirParts[i].headers.filter((h) => typeof h.name === 'string');
    const ct = headers.find((h) => h.name === 'content_type')?.value?.ContentType;
    const cd = headers.find((h) => h.name === 'content_disposition')?.value?.ContentType;
    const cid = headers.find((h) => h.name === 'content_id')?.value;
    const language = headers.find((h) => h.name === 'content_language')?.value;
    const where = `part #${i}${ours.partId ? ` (${ours.partId})` : ''}`;
    if (ct) {
      const want = `${ct.c_type}/${ct.c_subtype ?? ''}`.toLowerCase();
      // No subtype: RFC 2045 §5.2 leaves the type invalid; both sides then differ by design (below).
      differ(`${where} content-type`, lower(ours.type), ct.c_subtype ? want : lower(ours.type));
      const charset = attribute(ct, 'charset');
      if (charset !== null) differ(`${where} charset`, lower(ours.charset), lower(charset));
    }
    if (cd) differ(`${where} disposition`, lower(ours.disposition), lower(cd.c_type));
    const name = attribute(cd, 'filename') ?? attribute(ct, 'name');
    if (name !== null) differ(`${where} name`, ours.name, name);
    if (text(cid) !== null) differ(`${where} cid`, ours.cid, text(cid));
    // RFC 8621 §4.1.4 language: the Content-Language tags (RFC 3282), as a list.
    const tags = language?.TextList ?? (text(language) === null ? null : [text(language)]);
    if (tags !== null) differ(`${where} language`, ours.language, tags);
  }
  return problems;
}
