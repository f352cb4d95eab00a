/**
 * RFC 9553 checks of a Card, naming each property at fault by its JSON pointer path (e.g.
 * `emails/e1/address`), as RFC 8620 §5.3 invalidProperties does. Properties Colibri does not
 * check are kept as sent; the ones it checks must have the RFC's types.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ID = /^[A-Za-z0-9_-]{1,255}$/;
/** RFC 9553 §1.5.2: kind-like values are registered words or vendor names (lower case). */
const KIND = /^[a-z0-9][a-z0-9-]*$|^[a-z0-9.-]+:[A-Za-z0-9.-]+$/;

/** The known name component kinds (RFC 9553 §2.2.1.2); vendor ones contain a colon. */
const NAME_KINDS = new Set([
  'title',
  'given',
  'given2',
  'surname',
  'surname2',
  'credential',
  'generation',
  'separator',
]);

function checkContexts(value: unknown): boolean {
  return value === undefined || (isObject(value) && Object.values(value).every((v) => v === true));
}

function checkPref(value: unknown): boolean {
  return (
    value === undefined || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100)
  );
}

/** A map of Id -> object, each checked by `item`, which returns the bad sub-properties. */
function checkMap(card: Json, property: string, item: (value: Json) => string[], bad: string[]): void {
  const map = card[property];
  if (map === undefined) return;
  if (!isObject(map)) {
    bad.push(property);
    return;
  }
  for (const [id, value] of Object.entries(map)) {
    if (!ID.test(id) || !isObject(value)) {
      bad.push(`${property}/${id}`);
      continue;
    }
    for (const sub of item(value)) bad.push(`${property}/${id}/${sub}`);
  }
}

const str = (v: unknown) => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';

function common(value: Json, typeName: string): string[] {
  const bad: string[] = [];
  if (value['@type'] !== undefined && value['@type'] !== typeName) bad.push('@type');
  if (!checkContexts(value.contexts)) bad.push('contexts');
  if (!checkPref(value.pref)) bad.push('pref');
  if (!optStr(value.label)) bad.push('label');
  return bad;
}

function components(value: unknown, typeName: string, kinds: Set<string> | null): boolean {
  return (
    value === undefined ||
    (Array.isArray(value) &&
      value.every(
        (c) =>
          isObject(c) &&
          str(c.value) &&
          str(c.kind) &&
          (kinds === null || kinds.has(c.kind as string) || (c.kind as string).includes(':')) &&
          (c['@type'] === undefined || c['@type'] === typeName),
      ))
  );
}

/** Returns the invalid property paths of a card (empty when it is a valid Card). */
export function invalidCardProperties(card: Json): string[] {
  const bad: string[] = [];
  if (card['@type'] !== 'Card') bad.push('@type');
  if (typeof card.version !== 'string' || !/^\d+\.\d+$/.test(card.version)) bad.push('version');
  if (typeof card.uid !== 'string' || card.uid.length === 0) bad.push('uid');
  if (card.kind !== undefined && (typeof card.kind !== 'string' || !KIND.test(card.kind))) bad.push('kind');
  for (const date of ['created', 'updated'])
    if (card[date] !== undefined && (typeof card[date] !== 'string' || Number.isNaN(Date.parse(card[date]))))
      bad.push(date);
  if (card.members !== undefined) {
    // RFC 9553 §2.1.6: members only on a group card, each a uid mapped to true.
    const ok =
      isObject(card.members) && card.kind === 'group' && Object.values(card.members).every((v) => v === true);
    if (!ok) bad.push('members');
  }
  if (card.name !== undefined) {
    const name = card.name;
    if (!isObject(name)) bad.push('name');
    else {
      if (name['@type'] !== undefined && name['@type'] !== 'Name') bad.push('name/@type');
      if (!components(name.components, 'NameComponent', NAME_KINDS)) bad.push('name/components');
      if (!optStr(name.full)) bad.push('name/full');
      if (name.isOrdered !== undefined && typeof name.isOrdered !== 'boolean') bad.push('name/isOrdered');
    }
  }
  checkMap(
    card,
    'emails',
    (e) => {
      const b = common(e, 'EmailAddress');
      if (typeof e.address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(e.address)) b.push('address');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'phones',
    (p) => {
      const b = common(p, 'Phone');
      if (typeof p.number !== 'string' || p.number.trim() === '') b.push('number');
      if (p.features !== undefined && !checkContexts(p.features)) b.push('features');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'addresses',
    (a) => {
      const b = common(a, 'Address');
      if (!components(a.components, 'AddressComponent', null)) b.push('components');
      if (!optStr(a.full)) b.push('full');
      if (
        a.countryCode !== undefined &&
        !(typeof a.countryCode === 'string' && /^[A-Za-z]{2}$/.test(a.countryCode))
      )
        b.push('countryCode');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'nicknames',
    (n) => {
      const b = common(n, 'Nickname');
      if (typeof n.name !== 'string') b.push('name');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'organizations',
    (o) => {
      const b = common(o, 'Organization');
      if (!optStr(o.name)) b.push('name');
      if (
        o.units !== undefined &&
        !(Array.isArray(o.units) && o.units.every((u) => isObject(u) && str(u.name)))
      )
        b.push('units');
      if (o.name === undefined && o.units === undefined) b.push('name');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'titles',
    (t) => {
      const b = common(t, 'Title');
      if (typeof t.name !== 'string') b.push('name');
      if (t.kind !== undefined && t.kind !== 'title' && t.kind !== 'role') b.push('kind');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'onlineServices',
    (s) => {
      const b = common(s, 'OnlineService');
      if (!optStr(s.service)) b.push('service');
      if (!optStr(s.uri)) b.push('uri');
      if (!optStr(s.user)) b.push('user');
      if (s.uri === undefined && s.user === undefined) b.push('uri');
      return b;
    },
    bad,
  );
  checkMap(
    card,
    'notes',
    (n) => {
      const b = common(n, 'Note');
      if (typeof n.note !== 'string') b.push('note');
      return b;
    },
    bad,
  );
  return bad;
}
