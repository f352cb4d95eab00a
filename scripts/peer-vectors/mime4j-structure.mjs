// mime4j ships, beside each test message, the structure its parser sees (`name.xml`: <message>,
// <header><field>, <multipart><body-part>…, <body>). We compare the content types of the part tree
// in pre-order with our bodyStructure. Our tree does not enter an attached message (a
// message/rfc822 part is a leaf, RFC 8621 §4.1.4), so neither does this list.

const TAG = /<(\/?)(message|header|field|multipart|body-part|body|preamble|epilogue)>/g;

/** Parses mime4j's structure XML into entities `{ fields: string[], children: entity[] | null, message: entity | null }`. */
function parseStructure(xml) {
  const root = { fields: [], children: null, message: null };
  const stack = [root];
  let fieldStart = -1;
  let first = true;
  for (const m of xml.matchAll(TAG)) {
    const [, close, tag] = m;
    const top = stack[stack.length - 1];
    if (tag === 'field') {
      if (!close) fieldStart = m.index + m[0].length;
      else top.fields.push(xml.slice(fieldStart, m.index).trim());
    } else if (tag === 'message' && !close) {
      if (first) first = false;
      else {
        const inner = { fields: [], children: null, message: null };
        top.message = inner;
        stack.push(inner);
      }
    } else if (tag === 'message' && close) {
      if (stack.length > 1) stack.pop();
    } else if (tag === 'multipart' && !close) top.children = [];
    else if (tag === 'body-part' && !close) {
      const part = { fields: [], children: null, message: null };
      top.children.push(part);
      stack.push(part);
    } else if (tag === 'body-part' && close) stack.pop();
  }
  return root;
}

/** RFC 2045 §5.2 / RFC 2046 §5.1.5: the default type, and an unparsable one, is text/plain (message/rfc822 in a digest). */
function typeOf(entity, inDigest) {
  const field = entity.fields.filter((f) => /^content-type\s*:/i.test(f)).at(-1);
  const match =
    field && /^content-type\s*:\s*([^\s/;]+)\s*\/\s*([^\s;]+)/i.exec(field.replace(/\r?\n[ \t]+/g, ' '));
  if (match) return `${match[1]}/${match[2]}`.toLowerCase();
  return inDigest ? 'message/rfc822' : 'text/plain';
}

function expectedTypes(entity, inDigest = false, out = []) {
  const type = typeOf(entity, inDigest);
  out.push(type);
  if (entity.children && type.startsWith('multipart/'))
    for (const child of entity.children) expectedTypes(child, type === 'multipart/digest', out);
  return out;
}

/** @returns {{ check: string, message: string }[]} */
export function compareMime4jStructure(ourParts, xml) {
  const want = expectedTypes(parseStructure(xml));
  const got = ourParts.map((p) => p.type.toLowerCase());
  return JSON.stringify(got) === JSON.stringify(want)
    ? []
    : [{ check: 'part types', message: `got [${got}] want [${want}]` }];
}
