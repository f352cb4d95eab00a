/**
 * The reverse rules of RFC 9555 (JSContact -> vCard), member by member. Each written property
 * names the JSON pointer it came from, so `vCard.convertedProperties` can give it back its extra
 * parameters, group and name.
 */
import { escapeText } from './content-line.js';
import type { Address, Card, Contexts, Name, Resource } from './types.js';
import { ADR_POSITION, CONTEXT_TYPES, FEATURE_TYPES, N_POSITION } from './vcard-model.js';
import { escapePointer, etcToOffset, formatTimestamp, formatVCardDate, typeFromMediaType } from './values.js';

export type Version = '3.0' | '4.0';

/** A property to write: `value` is already escaped for its value type. */
export interface OutProperty {
  group?: string;
  name: string;
  params: Record<string, string[]>;
  value: string;
  pointer?: string;
}

const out = (
  name: string,
  value: string,
  pointer?: string,
  params: Record<string, string[]> = {},
): OutProperty => ({
  name,
  params,
  value,
  ...(pointer !== undefined ? { pointer } : {}),
});

/** TYPE (contexts, features), PREF, PROP-ID for an entry of a map member. */
function entryParams(
  version: Version,
  id: string | undefined,
  entry: { contexts?: Contexts; pref?: number },
  extraTypes: string[] = [],
): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  const types = [...extraTypes];
  for (const [context, on] of Object.entries(entry.contexts ?? {})) {
    if (!on) continue;
    types.push(CONTEXT_TYPES[context] ?? context);
  }
  if (version === '3.0' && entry.pref !== undefined) types.push('pref');
  if (types.length) params.type = types;
  if (version === '4.0' && entry.pref !== undefined) params.pref = [String(entry.pref)];
  // PROP-ID in 3.0 too: 3.0 readers ignore it, and it keeps map keys across a round trip.
  if (id !== undefined) params['prop-id'] = [id];
  return params;
}

const entries = <T>(map: Record<string, T> | undefined): [string, T][] =>
  map && typeof map === 'object' ? Object.entries(map).filter(([, v]) => v && typeof v === 'object') : [];

/** The components of a structured value placed at their positions, `,`-joined, escaped. */
function structured(slots: string[][]): string {
  return slots.map((list) => list.map(escapeText).join(',')).join(';');
}

/** RFC 9555 JSCOMPS for an ordered name or address. */
function jscomps(
  components: { kind: string; value: string }[],
  slots: string[][],
  positionOf: (kind: string) => number | undefined,
  separator: string | undefined,
): string | undefined {
  const seen = new Map<number, number>();
  const parts = [separator !== undefined ? `s,${escapeText(separator)}` : ''];
  for (const c of components) {
    if (c.kind === 'separator') {
      parts.push(`s,${escapeText(c.value)}`);
      continue;
    }
    const pos = positionOf(c.kind);
    if (pos === undefined) return undefined;
    const j = seen.get(pos) ?? 0;
    seen.set(pos, j + 1);
    if (slots[pos]?.[j] !== c.value) return undefined;
    parts.push(j === 0 ? String(pos) : `${pos},${j}`);
  }
  return parts.join(';');
}

function nameProperties(name: Name, version: Version): OutProperty[] {
  const props: OutProperty[] = [];
  const components = Array.isArray(name.components) ? name.components : [];
  const real = components.filter((c) => c && c.kind !== 'separator' && typeof c.value === 'string');
  if (typeof name.full === 'string') props.push(out('fn', escapeText(name.full), 'name/full'));
  else {
    // vCard requires FN; RFC 9555 marks one made from the components as DERIVED.
    const derived = components
      .map((c) => (c.kind === 'separator' ? '' : c.value))
      .filter(Boolean)
      .join(' ');
    props.push(out('fn', escapeText(derived), undefined, version === '4.0' ? { derived: ['TRUE'] } : {}));
  }
  if (real.length || name.sortAs || version === '3.0') {
    const size = version === '4.0' ? 7 : 5;
    const slots: string[][] = Array.from({ length: size }, () => []);
    for (const c of real) {
      const pos = N_POSITION[c.kind];
      if (pos === undefined) continue;
      if (pos < size) slots[pos]?.push(c.value);
      // RFC 9554 §2.3: surname2 is also part of the surname, generation of the suffix.
      if (pos === 5) slots[0]?.push(c.value);
      if (pos === 6) slots[4]?.push(c.value);
    }
    const params: Record<string, string[]> = {};
    if (name.sortAs && typeof name.sortAs === 'object') {
      const list = ['surname', 'given'].map((k) => (name.sortAs as Record<string, string>)[k] ?? '');
      while (list.length && list[list.length - 1] === '') list.pop();
      if (list.length) params['sort-as'] = [list.join(',')];
    }
    if (name.phoneticSystem) params.phonetic = [name.phoneticSystem.toUpperCase()];
    if (name.phoneticScript) params.script = [name.phoneticScript];
    if (version === '4.0' && name.isOrdered && components.length) {
      const comps = jscomps(components, slots, (k) => N_POSITION[k], name.defaultSeparator);
      if (comps !== undefined) params.jscomps = [comps];
    }
    props.push(out('n', structured(slots), 'name', params));
  }
  return props;
}

function addressProperty(id: string, a: Address, version: Version): OutProperty[] {
  const pointer = `addresses/${escapePointer(id)}`;
  const components = Array.isArray(a.components) ? a.components : [];
  const onlyZone =
    !components.length &&
    !a.full &&
    !a.countryCode &&
    !a.coordinates &&
    a.timeZone &&
    !a.contexts &&
    a.pref === undefined;
  const onlyGeo =
    !components.length &&
    !a.full &&
    !a.countryCode &&
    a.coordinates &&
    !a.timeZone &&
    !a.contexts &&
    a.pref === undefined;
  if (onlyZone && a.timeZone) {
    const offset = etcToOffset(a.timeZone);
    const params: Record<string, string[]> = { 'prop-id': [id] };
    if (offset === undefined && version === '4.0') params.value = ['text'];
    return [out('tz', offset ?? escapeText(a.timeZone), `${pointer}/timeZone`, params)];
  }
  if (onlyGeo && a.coordinates)
    return [out('geo', a.coordinates, `${pointer}/coordinates`, { 'prop-id': [id] })];
  const slots: string[][] = Array.from({ length: version === '4.0' ? 18 : 7 }, () => []);
  // Only kinds RFC 6350 has no position for need the RFC 9554 positions; the others stay where
  // every reader finds them (apartment in ext, name in street).
  const legacy = ['postOfficeBox', 'apartment', 'name', 'locality', 'region', 'postcode', 'country'];
  const count = (k: string) => components.filter((c) => c?.kind === k).length;
  const extended =
    version === '4.0' &&
    components.some((c) => c && c.kind !== 'separator' && (!legacy.includes(c.kind) || count(c.kind) > 1));
  for (const c of components) {
    if (!c || c.kind === 'separator' || typeof c.value !== 'string') continue;
    const pos = ADR_POSITION[c.kind];
    if (pos === undefined) continue;
    if (pos <= 6) {
      slots[pos]?.push(c.value);
      continue;
    }
    if (extended) slots[pos]?.push(c.value);
    // RFC 9554 §2.2: ext and street keep the old reading for clients that know only RFC 6350.
    if (['room', 'apartment', 'floor', 'building'].includes(c.kind)) slots[1]?.push(c.value);
    if (['number', 'name', 'block', 'subdistrict', 'district', 'landmark', 'direction'].includes(c.kind))
      slots[2]?.push(c.value);
  }
  if (version === '3.0') {
    slots[1] = slots[1]?.length ? [slots[1].join(' ')] : [];
    slots[2] = slots[2]?.length ? [slots[2].join(' ')] : [];
  }
  const params = entryParams(version, id, a);
  if (a.full !== undefined) params.label = [a.full];
  if (a.countryCode) params.cc = [a.countryCode];
  if (a.timeZone) params.tz = [a.timeZone];
  if (a.coordinates) params.geo = [a.coordinates];
  if (version === '4.0' && components.length) {
    // Without JSCOMPS a reader sorts the components by position; say the order when it matters.
    const comps = jscomps(
      components,
      slots,
      (k) => (extended ? ADR_POSITION[k] : k === 'apartment' ? 1 : k === 'name' ? 2 : ADR_POSITION[k]),
      a.defaultSeparator,
    );
    if (comps !== undefined && (a.isOrdered || a.defaultSeparator !== undefined)) params.jscomps = [comps];
  }
  return [out('adr', structured(slots), pointer, params)];
}

function mediaProperty(
  name: string,
  pointer: string,
  id: string,
  r: Resource,
  version: Version,
): OutProperty {
  const params = entryParams(version, id, r);
  const data = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(r.uri);
  if (version === '3.0' && data && data[2]) {
    params.encoding = ['b'];
    params.type = [
      ...(params.type ?? []),
      typeFromMediaType(data[1] ?? r.mediaType ?? 'application/octet-stream'),
    ];
    return out(name, data[3] ?? '', pointer, params);
  }
  if (r.mediaType && version === '4.0') params.mediatype = [r.mediaType];
  if (version === '3.0') params.value = ['uri'];
  return out(name, r.uri, pointer, params);
}

const LEVEL_EXPERTISE: Record<string, string> = { low: 'beginner', medium: 'average', high: 'expert' };

/** Every property the card's members convert to, in RFC 6350 order, before RFC 9555 extras. */
export function cardProperties(card: Card, version: Version): OutProperty[] {
  const props: OutProperty[] = [];
  const str = (v: unknown): v is string => typeof v === 'string';
  if (str(card.kind))
    props.push(
      out(
        version === '4.0' ? 'kind' : 'x-addressbookserver-kind',
        escapeText(card.kind.toUpperCase()),
        'kind',
      ),
    );
  if (card.name && typeof card.name === 'object') props.push(...nameProperties(card.name, version));
  else props.push(out('fn', '', undefined, version === '4.0' ? { derived: ['TRUE'] } : {}));
  if (version === '3.0' && !(card.name && typeof card.name === 'object')) props.push(out('n', ';;;;'));
  for (const [id, nick] of entries(card.nicknames))
    if (str(nick.name))
      props.push(
        out(
          'nickname',
          escapeText(nick.name),
          `nicknames/${escapePointer(id)}/name`,
          entryParams(version, id, nick),
        ),
      );
  for (const [id, m] of entries(card.media)) {
    if (!str(m.uri)) continue;
    const name =
      m.kind === 'logo' ? 'logo' : m.kind === 'sound' ? 'sound' : m.kind === 'photo' ? 'photo' : undefined;
    if (name) props.push(mediaProperty(name, `media/${escapePointer(id)}`, id, m, version));
  }
  for (const [id, a] of entries(card.anniversaries)) {
    const name =
      a.kind === 'birth'
        ? 'bday'
        : a.kind === 'wedding'
          ? 'anniversary'
          : a.kind === 'death'
            ? 'deathdate'
            : undefined;
    if (!name || !a.date || typeof a.date !== 'object') continue;
    if (version === '3.0' && name !== 'bday') continue;
    const value = formatVCardDate(a.date, version);
    if (value === undefined) continue;
    const params: Record<string, string[]> = { 'prop-id': [id] };
    if ('calendarScale' in a.date && a.date.calendarScale) params.calscale = [a.date.calendarScale];
    props.push(out(name, value, `anniversaries/${escapePointer(id)}/date`, params));
    if (version === '4.0' && a.place && (a.kind === 'birth' || a.kind === 'death')) {
      const placeName = a.kind === 'birth' ? 'birthplace' : 'deathplace';
      if (str(a.place.full))
        props.push(
          out(placeName, escapeText(a.place.full), `anniversaries/${escapePointer(id)}/place/full`, {
            'prop-id': [id],
          }),
        );
      else if (str(a.place.coordinates))
        props.push(
          out(placeName, a.place.coordinates, `anniversaries/${escapePointer(id)}/place/coordinates`, {
            'prop-id': [id],
            value: ['uri'],
          }),
        );
    }
  }
  for (const [id, a] of entries(card.addresses)) props.push(...addressProperty(id, a, version));
  for (const [id, p] of entries(card.phones)) {
    if (!str(p.number)) continue;
    const features = Object.entries(p.features ?? {})
      .filter(([, on]) => on)
      .map(([f]) => FEATURE_TYPES[f] ?? f);
    const params = entryParams(version, id, p, features);
    if (version === '4.0' && /^tel:/i.test(p.number)) params.value = ['uri'];
    props.push(out('tel', p.number, `phones/${escapePointer(id)}/number`, params));
  }
  for (const [id, e] of entries(card.emails))
    if (str(e.address))
      props.push(
        out(
          'email',
          escapeText(e.address),
          `emails/${escapePointer(id)}/address`,
          entryParams(version, id, e, version === '3.0' ? ['internet'] : []),
        ),
      );
  for (const [id, s] of entries(card.onlineServices)) {
    const pointer = `onlineServices/${escapePointer(id)}`;
    const params = entryParams(version, id, s);
    if (str(s.service)) params['service-type'] = [s.service];
    const name = version === '4.0' ? 'socialprofile' : 'x-socialprofile';
    if (str(s.uri) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s.uri)) {
      // RFC 9554 USERNAME: the user name beside the profile URI.
      if (str(s.user)) params.username = [s.user];
      props.push(out(name, s.uri, `${pointer}/uri`, params));
    } else if (str(s.user))
      props.push(out(name, escapeText(s.user), `${pointer}/user`, { ...params, value: ['text'] }));
  }
  for (const [id, l] of entries(card.preferredLanguages))
    if (str(l.language))
      props.push(
        out(
          'lang',
          escapeText(l.language),
          `preferredLanguages/${escapePointer(id)}/language`,
          entryParams(version, id, l),
        ),
      );
  if (str(card.language) && version === '4.0')
    props.push(out('language', escapeText(card.language), 'language'));
  for (const [id, t] of entries(card.titles))
    if (str(t.name))
      props.push(
        out(t.kind === 'role' ? 'role' : 'title', escapeText(t.name), `titles/${escapePointer(id)}/name`, {
          'prop-id': [id],
        }),
      );
  for (const [id, o] of entries(card.organizations)) {
    const units = Array.isArray(o.units)
      ? o.units.filter((u) => u && str(u.name)).map((u) => escapeText(u.name))
      : [];
    const params = entryParams(version, id, o);
    if (str(o.sortAs)) params['sort-as'] = [o.sortAs];
    props.push(
      out(
        'org',
        [escapeText(str(o.name) ? o.name : ''), ...units].join(';'),
        `organizations/${escapePointer(id)}`,
        params,
      ),
    );
  }
  for (const [uri, on] of Object.entries(card.members ?? {}))
    if (on === true)
      props.push(
        out(
          version === '4.0' ? 'member' : 'x-addressbookserver-member',
          uri,
          `members/${escapePointer(uri)}`,
        ),
      );
  for (const [uri, r] of entries(card.relatedTo)) {
    const types = Object.entries(r.relation ?? {})
      .filter(([, on]) => on)
      .map(([t]) => t);
    const params: Record<string, string[]> = types.length ? { type: types } : {};
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) params.value = ['text'];
    props.push(
      out('related', params.value ? escapeText(uri) : uri, `relatedTo/${escapePointer(uri)}`, params),
    );
  }
  const keywords = Object.entries(card.keywords ?? {})
    .filter(([, on]) => on === true)
    .map(([k]) => k);
  // One CATEGORIES per run of keywords that began a property with its own parameters.
  const converted = card.vCard?.convertedProperties ?? {};
  const runs: string[][] = [];
  for (const k of keywords) {
    const last = runs[runs.length - 1];
    if (!last || converted[`keywords/${escapePointer(k)}`]) runs.push([k]);
    else last.push(k);
  }
  for (const run of runs)
    props.push(out('categories', run.map(escapeText).join(','), `keywords/${escapePointer(run[0] ?? '')}`));
  for (const [id, n] of entries(card.notes)) {
    if (!str(n.note)) continue;
    const params: Record<string, string[]> = { 'prop-id': [id] };
    if (version === '4.0' && str(n.created)) params.created = [formatTimestamp(n.created) ?? n.created];
    if (version === '4.0' && n.author && str(n.author.name)) params['author-name'] = [n.author.name];
    if (version === '4.0' && n.author && str(n.author.uri)) params.author = [n.author.uri];
    props.push(out('note', escapeText(n.note), `notes/${escapePointer(id)}/note`, params));
  }
  if (str(card.prodId)) props.push(out('prodid', escapeText(card.prodId), 'prodId'));
  if (str(card.updated)) {
    const rev = formatTimestamp(card.updated, version);
    if (rev) props.push(out('rev', rev, 'updated'));
  }
  if (str(card.created) && version === '4.0') {
    const created = formatTimestamp(card.created);
    if (created) props.push(out('created', created, 'created'));
  }
  for (const [id, l] of entries(card.links)) {
    if (!str(l.uri)) continue;
    const params = entryParams(version, id, l);
    if (l.mediaType && version === '4.0') params.mediatype = [l.mediaType];
    const name = l.kind === 'contact' ? (version === '4.0' ? 'contact-uri' : undefined) : 'url';
    if (name) props.push(out(name, l.uri, `links/${escapePointer(id)}/uri`, params));
  }
  for (const [id, k] of entries(card.cryptoKeys)) {
    if (!str(k.uri)) continue;
    if (version === '3.0')
      props.push(mediaProperty('key', `cryptoKeys/${escapePointer(id)}`, id, k, version));
    else {
      const params = entryParams(version, id, k);
      if (k.mediaType) params.mediatype = [k.mediaType];
      props.push(out('key', k.uri, `cryptoKeys/${escapePointer(id)}/uri`, params));
    }
  }
  if (version === '4.0') {
    for (const [id, c] of entries(card.calendars)) {
      const name = c.kind === 'freeBusy' ? 'fburl' : c.kind === 'calendar' ? 'caluri' : undefined;
      if (name && str(c.uri))
        props.push(out(name, c.uri, `calendars/${escapePointer(id)}/uri`, entryParams(version, id, c)));
    }
    for (const [id, s] of entries(card.schedulingAddresses))
      if (str(s.uri))
        props.push(
          out(
            'caladruri',
            s.uri,
            `schedulingAddresses/${escapePointer(id)}/uri`,
            entryParams(version, id, s),
          ),
        );
    for (const [id, d] of entries(card.directories)) {
      const name = d.kind === 'entry' ? 'source' : d.kind === 'directory' ? 'org-directory' : undefined;
      if (!name || !str(d.uri)) continue;
      const params = entryParams(version, id, d);
      if (typeof d.listAs === 'number') params.index = [String(d.listAs)];
      props.push(out(name, d.uri, `directories/${escapePointer(id)}/uri`, params));
    }
    for (const [id, p] of entries(card.personalInfo)) {
      const name = ['expertise', 'hobby', 'interest'].includes(p.kind) ? p.kind : undefined;
      if (!name || !str(p.value)) continue;
      const params: Record<string, string[]> = { 'prop-id': [id] };
      if (str(p.level))
        params.level = [name === 'expertise' ? (LEVEL_EXPERTISE[p.level] ?? p.level) : p.level];
      if (typeof p.listAs === 'number') params.index = [String(p.listAs)];
      props.push(out(name, escapeText(p.value), `personalInfo/${escapePointer(id)}/value`, params));
    }
    const speak = card.speakToAs;
    if (speak && typeof speak === 'object') {
      if (str(speak.grammaticalGender))
        props.push(out('gramgender', speak.grammaticalGender.toUpperCase(), 'speakToAs/grammaticalGender'));
      for (const [id, p] of entries(speak.pronouns))
        if (str(p.pronouns))
          props.push(
            out(
              'pronouns',
              escapeText(p.pronouns),
              `speakToAs/pronouns/${escapePointer(id)}/pronouns`,
              entryParams(version, id, p),
            ),
          );
    }
  }
  if (str(card.uid)) props.push(out('uid', card.uid, 'uid'));
  return props;
}
