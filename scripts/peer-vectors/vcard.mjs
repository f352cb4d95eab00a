// vCard and JSContact peer vectors through @colibri/vcard's built dist (run `npx tsc -b` first):
//  - calcard jscontact/*.txt: vCard -> JSContact cases compared with calcard's JSContact (map
//    keys are invented by each implementation, so maps are compared as lists of values), and
//    JSContact -> vCard cases, where calcard's vCard must read back as the JSContact given;
//    every case also makes our own round trip;
//  - calcard vcard/*.vcf: read every card, write it as vCard 4.0, read it again: the cards must
//    be identical; calcard's own round-trip output (.vcf.out) must read as the same cards;
//  - ical.js parser vCards with their jCard: property names, parameters and text values;
//  - Cyrus's contacts data and ical.js samples: read without crash or hang.
// Each call is timed: over HANG_RISK_MS is a 'time' problem, which no deviation can explain.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, sortedFiles, timed } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const lib = await import(path.join(here, '../../packages/vcard/dist/src/index.js'));
const { vcardToJSContact, cardToVCard, readVCardObjects, parseContentLine } = lib;

/** JSContact members that are maps of invented ids (RFC 9553): compared as value lists. */
const ID_MAPS = new Set([
  'nicknames',
  'organizations',
  'titles',
  'emails',
  'onlineServices',
  'phones',
  'preferredLanguages',
  'calendars',
  'schedulingAddresses',
  'addresses',
  'cryptoKeys',
  'directories',
  'links',
  'media',
  'anniversaries',
  'notes',
  'personalInfo',
  'pronouns',
]);

/** Sorted keys, no '@type' (implied by position, RFC 9553), id maps as sorted value lists. */
function normalise(v, key = '') {
  if (Array.isArray(v)) return v.map((x) => normalise(x));
  if (v && typeof v === 'object') {
    if (ID_MAPS.has(key))
      return Object.values(v)
        .map((x) => normalise(x))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => k !== '@type')
        .sort()
        .map((k) => [k, normalise(v[k], k)]),
    );
  }
  return v;
}
/** The card without the RFC 9555 `vCard` member and the fixed members. */
function members(card) {
  const { vCard: _v, '@type': _t, version: _version, ...rest } = card;
  return normalise(rest);
}
function firstDifference(a, b, at = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${at}/${k}`);
      if (d) return d;
    }
  }
  return `${at || '/'}: ${JSON.stringify(a)?.slice(0, 100)} vs ${JSON.stringify(b)?.slice(0, 100)}`;
}

const wrap = (lines) =>
  /^BEGIN:VCARD/i.test(lines.trim())
    ? lines.trim().split(/\r?\n/).join('\r\n') + '\r\n'
    : `BEGIN:VCARD\r\nVERSION:4.0\r\n${lines.trim().split(/\r?\n/).join('\r\n')}\r\nEND:VCARD\r\n`;

function readOne(problems, text, check) {
  const results = timed(problems, 'read', () => vcardToJSContact(text));
  const first = results[0];
  if (!first || !first.ok) {
    problems.push({ check, message: first ? first.error.reason : 'no card' });
    return undefined;
  }
  return first.value;
}

/** Our own round trip: JSContact -> vCard 4.0 -> JSContact must give the card back exactly. */
function roundTrip(problems, card) {
  const written = timed(problems, 'write', () => cardToVCard(card));
  for (const line of written.split('\r\n'))
    if (Buffer.byteLength(line) > 75) {
      problems.push({ check: 'fold', message: `a line of ${Buffer.byteLength(line)} octets` });
      break;
    }
  const again = readOne(problems, written, 'reread');
  if (!again) return;
  // Groups made up for X-ABLABEL or TITLE/ORG are recorded in `vCard`: compare it only when the
  // card had one.
  const want = card.vCard ? normalise(card) : members(card);
  const got = card.vCard ? normalise(again) : members(again);
  // A card without FN gets a derived one (RFC 9555: vCard requires FN); that is the only addition.
  if (card.name?.full === undefined && got.name?.full !== undefined) {
    delete got.name.full;
    if (got.vCard?.convertedProperties) delete got.vCard.convertedProperties['name/full'];
    if (got.vCard?.convertedProperties && !Object.keys(got.vCard.convertedProperties).length)
      delete got.vCard.convertedProperties;
    if (got.vCard && !Object.keys(got.vCard).length) delete got.vCard;
    if (got.name && !Object.keys(got.name).length) delete got.name;
  }
  if (JSON.stringify(want) !== JSON.stringify(got))
    problems.push({ check: 'round trip', message: firstDifference(want, got) });
}

// ---- calcard jscontact --------------------------------------------------------------------------

function calcardCases(text) {
  return text
    .split(/^> test /m)
    .slice(1)
    .map((part) => {
      const [head, ...outputs] = part.split(/^> convert\s*$/m);
      const lines = head.split(/\r?\n/);
      return {
        title: lines[0].trim(),
        input: lines.slice(1).join('\n').trim(),
        outputs: outputs.map((o) => o.trim()),
      };
    });
}
const parseJson = (text) => JSON.parse(text.startsWith('{') ? text : `{${text}}`);

function calcardCase(c) {
  const problems = [];
  if (/^["{]/.test(c.input)) {
    // JSContact -> vCard: our round trip, and calcard's vCard must read as the same members.
    let input;
    try {
      input = { '@type': 'Card', version: '1.0', ...parseJson(c.input) };
    } catch {
      return [{ check: 'expected', message: 'the JSContact input does not parse as JSON' }];
    }
    roundTrip(problems, input);
    if (c.outputs[0]) {
      const peer = readOne(problems, wrap(c.outputs[0]), 'peer vcard');
      if (peer) {
        const want = members(input);
        const got = members(peer);
        if (input.name?.full === undefined && got.name) delete got.name.full;
        if (got.name && !Object.keys(got.name).length) delete got.name;
        if (JSON.stringify(want) !== JSON.stringify(got))
          problems.push({ check: 'peer vcard', message: firstDifference(want, got) });
      }
    }
    return problems;
  }
  const ours = readOne(problems, wrap(c.input), 'read');
  if (!ours) return problems;
  let expected;
  try {
    expected = parseJson(c.outputs[0] ?? '');
  } catch {
    problems.push({ check: 'expected', message: 'the expected JSContact does not parse as JSON' });
    return problems;
  }
  const want = members(expected);
  const got = members(ours);
  if (JSON.stringify(want) !== JSON.stringify(got))
    problems.push({ check: 'jscontact', message: firstDifference(want, got) });
  const wantKept = (expected.vCard?.properties ?? []).map((p) => p[0]).sort();
  const gotKept = (ours.vCard?.properties ?? []).map((p) => p[0]).sort();
  if (JSON.stringify(wantKept) !== JSON.stringify(gotKept))
    problems.push({
      check: 'vcard properties',
      message: `kept unconverted: ours [${gotKept}] calcard [${wantKept}]`,
    });
  roundTrip(problems, ours);
  // calcard's vCard for the same card must read as the same members.
  if (c.outputs[1] && !/^["{]/.test(c.outputs[1])) {
    const peer = readOne(problems, wrap(c.outputs[1]), 'peer vcard');
    if (peer) {
      const fromPeer = members(peer);
      // A derived FN (RFC 9555 DERIVED=TRUE) is calcard's addition for a card without FN.
      if (ours.name?.full === undefined && fromPeer.name) delete fromPeer.name.full;
      if (fromPeer.name && !Object.keys(fromPeer.name).length) delete fromPeer.name;
      // isOrdered is checked on its own, so the JSCOMPS convention hides no other difference.
      const ordered = (card) =>
        JSON.stringify([card.name?.isOrdered, ...(card.addresses ?? []).map((a) => a.isOrdered)]);
      if (ordered(got) !== ordered(fromPeer))
        problems.push({
          check: 'peer vcard isOrdered',
          message: `ours ${ordered(got)} calcard's vCard ${ordered(fromPeer)}`,
        });
      const unordered = (card) =>
        JSON.parse(JSON.stringify(card, (k, v) => (k === 'isOrdered' ? undefined : v)));
      if (JSON.stringify(unordered(got)) !== JSON.stringify(unordered(fromPeer)))
        problems.push({ check: 'peer vcard', message: firstDifference(unordered(got), unordered(fromPeer)) });
    }
  }
  return problems;
}

// ---- calcard vcard round trips --------------------------------------------------------------------

function vcfCase(file, outFile) {
  const problems = [];
  const results = timed(problems, 'read', () => vcardToJSContact(readFileSync(file, 'utf8')));
  const cards = [];
  results.forEach((r, i) => {
    if (r.ok) cards.push(r.value);
    else problems.push({ check: 'read', message: `card #${i + 1}: ${r.error.reason}` });
  });
  for (const card of cards) roundTrip(problems, card);
  if (existsSync(outFile)) {
    const peer = vcardToJSContact(readFileSync(outFile, 'utf8'));
    const peerCards = peer.filter((r) => r.ok).map((r) => members(r.value));
    const ourCards = cards.map(members);
    if (peer.length !== results.length)
      problems.push({
        check: 'peer output',
        message: `${peer.length} cards in .out, ${results.length} in .vcf`,
      });
    else if (JSON.stringify(peerCards) !== JSON.stringify(ourCards))
      problems.push({ check: 'peer output', message: firstDifference(ourCards, peerCards) });
  }
  return problems;
}

// ---- ical.js jCard ------------------------------------------------------------------------------

function jcardCase(vcf, json) {
  const problems = [];
  const items = [...timed(problems, 'read', () => readVCardObjects(readFileSync(vcf, 'utf8')))];
  let expected = JSON.parse(readFileSync(json, 'utf8'));
  if (typeof expected[0] === 'string') expected = [expected];
  if (items.length !== expected.length) {
    problems.push({ check: 'cards', message: `${items.length} cards, jCard has ${expected.length}` });
    return problems;
  }
  items.forEach((item, i) => {
    if (!item.result.ok) {
      problems.push({ check: 'read', message: item.result.error.reason });
      return;
    }
    const want = expected[i][1].filter((p) => p[0] !== 'version');
    const got = item.result.value.properties;
    const names = (list) => list.map((p) => (Array.isArray(p) ? p[0] : p.name)).join(',');
    if (names(want) !== names(got)) {
      problems.push({ check: 'names', message: `ours ${names(got)}; jCard ${names(want)}` });
      return;
    }
    want.forEach((p, k) => {
      const ours = got[k];
      // jCard moves VALUE into the property's type (RFC 7095), so VALUE is not compared.
      const wantParams = Object.keys(p[1])
        .filter((x) => x !== 'group')
        .sort()
        .join(',');
      const gotParams = Object.keys(ours.params)
        .filter((x) => x !== 'value')
        .sort()
        .join(',');
      if (wantParams !== gotParams)
        problems.push({ check: 'params', message: `${p[0]}: ours [${gotParams}] jCard [${wantParams}]` });
      // RFC 6350 §3.3: group names are case-insensitive.
      if (p[1].group?.toLowerCase() !== ours.group?.toLowerCase())
        problems.push({ check: 'group', message: `${p[0]}: ours ${ours.group} jCard ${p[1].group}` });
    });
  });
  return problems;
}

// ---- robustness ---------------------------------------------------------------------------------

function robustnessCase(file) {
  const problems = [];
  let text = readFileSync(file, 'utf8');
  // A message (Cyrus's .eml): the vCard is its body.
  if (file.endsWith('.eml')) text = text.slice(text.search(/\r?\n\r?\n/) + 1);
  const results = timed(problems, 'read', () => vcardToJSContact(text));
  for (const r of results) if (r.ok) timed(problems, 'write', () => cardToVCard(r.value));
  void parseContentLine;
  return problems; // a refusal with a reason is a pass here: no crash, no hang
}

/** @returns {{ suite: string, results: { name: string, problems: { check: string, message: string }[], skipped?: string }[], note?: string }[]} */
export function runVcardVectors(vectorsDir) {
  const ical = path.join(vectorsDir, 'ical');
  const suites = [];

  const jscontact = {
    suite: 'vcard <-> JSContact (calcard jscontact)',
    results: [],
    note: 'maps of invented ids are compared as lists of values; the RFC 9555 vCard member is compared by the names of the properties it keeps',
  };
  for (const file of sortedFiles(path.join(ical, 'calcard', 'jscontact'), /\.txt$/))
    calcardCases(readFileSync(path.join(ical, 'calcard', 'jscontact', file), 'utf8')).forEach((c, i) =>
      jscontact.results.push(run(`calcard/jscontact/${file}#${i + 1} ${c.title}`, () => calcardCase(c))),
    );
  suites.push(jscontact);

  const trips = { suite: 'vcard round trips (calcard vcard .vcf)', results: [] };
  const dir = path.join(ical, 'calcard', 'vcard');
  for (const file of sortedFiles(dir, /\.vcf$/))
    trips.results.push(
      run(`calcard/vcard/${file}`, () => vcfCase(path.join(dir, file), path.join(dir, `${file}.out`))),
    );
  suites.push(trips);

  const jcard = { suite: 'vcard parser (icaljs-parser jCard)', results: [] };
  const parserDir = path.join(ical, 'icaljs-parser');
  for (const file of sortedFiles(parserDir, /\.vcf$/)) {
    const json = path.join(parserDir, file.replace(/\.vcf$/, '.json'));
    if (!existsSync(json)) {
      jcard.results.push({
        name: `icaljs-parser/${file}`,
        problems: [],
        skipped: 'no jCard (.json) beside it',
      });
      continue;
    }
    jcard.results.push(run(`icaljs-parser/${file}`, () => jcardCase(path.join(parserDir, file), json)));
  }
  suites.push(jcard);

  const robust = { suite: 'vcard robustness (cyrus-cassandane-vcard, icaljs-samples)', results: [] };
  for (const sub of ['cyrus-cassandane-vcard', 'icaljs-samples'])
    for (const file of sortedFiles(path.join(ical, sub), /\.(vcf|eml)$/))
      robust.results.push(run(`${sub}/${file}`, () => robustnessCase(path.join(ical, sub, file))));
  suites.push(robust);
  return suites;
}
