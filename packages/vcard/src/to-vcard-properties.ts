/**
 * The reverse rules of RFC 9555 (JSContact -> vCard), member by member. Each written property
 * names the JSON pointer it came from, so `vCard.convertedProperties` can give it back its extra
 * parameters, group and name.
 */
import { escapeText } from './content-line.js';
import type { OutProperty, Version } from './to-vcard-common.js';
import { entries, entryParams, out } from './to-vcard-common.js';
import { addressProperty, nameProperties } from './to-vcard-structured.js';
import type { Card, Resource } from './types.js';
import { FEATURE_TYPES } from './vcard-model.js';
import { escapePointer, formatTimestamp, formatVCardDate, typeFromMediaType } from './values.js';

export type { OutProperty, Version };

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
