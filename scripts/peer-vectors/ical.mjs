// iCalendar peer vectors through @colibri/icalendar's built dist (run `npx tsc -b` first):
//  - libical-recur: RRULE + DTSTART (+ START-AT) with the expected instances;
//  - calcard jscalendar/*.txt: iCalendar -> JSCalendar, comparing the members RFC 8984 and
//    calcard's JSCalendar share (calcard writes the newer JSCalendar 2.0 draft vocabulary);
//  - calcard ical/*.ics round trips: parse, serialize, parse again, compare the events; and the
//    peer's own round-trip output (.ics.out) must read as the same events;
//  - ical.js parser and samples, Cyrus's calendar data: parse without crash or hang, expand rules.
// Each call is timed: over HANG_RISK_MS is a 'time' problem, which no deviation can explain.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, sortedFiles, timed } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const lib = await import(path.join(here, '../../packages/icalendar/dist/src/index.js'));
const { icalendarToJSCalendar, jscalendarToICalendar, expandOccurrences, parseRRule } = lib;

// ---- libical-recur ------------------------------------------------------------------------------

const icalToLocal = (v) =>
  v.length === 8
    ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00:00`
    : `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}`;
const localToIcal = (v, date) => (date ? v.slice(0, 10).replace(/-/g, '') : v.replace(/[-:]/g, ''));

function libicalCase(block) {
  const problems = [];
  const rruleText = block.RRULE;
  const dtstart = block.DTSTART.replace(/^.*:/, '');
  const date = !dtstart.includes('T');
  const utc = dtstart.endsWith('Z');
  const expected = block.INSTANCES.startsWith('***')
    ? 'unimplemented'
    : block.INSTANCES.split(',').filter(Boolean);
  const parsed = parseRRule(rruleText);
  if (!parsed.ok) {
    if (expected !== 'unimplemented') problems.push({ check: 'rrule', message: parsed.error.reason });
    return problems;
  }
  const rule = { ...parsed.value.rule };
  if (parsed.value.untilText) rule.until = icalToLocal(parsed.value.untilText.replace(/Z$/, ''));
  const event = {
    '@type': 'Event',
    uid: 'v',
    start: icalToLocal(dtstart.replace(/Z$/, '')),
    timeZone: utc ? 'Etc/UTC' : null,
    showWithoutTime: date,
    recurrenceRules: [rule],
  };
  // START-AT only moves libical's iterator; its INSTANCES list still starts at DTSTART.
  const startAt = undefined;
  const want = expected === 'unimplemented' ? 0 : expected.length;
  const result = timed(problems, 'expansion', () =>
    expandOccurrences(event, startAt ? `${startAt}Z` : '1900-01-01T00:00:00Z', '2400-01-01T00:00:00Z', {
      maxInstances: want + 2,
    }),
  );
  if (!result.ok) {
    if (expected !== 'unimplemented')
      problems.push({
        check: /RSCALE|SKIP/.test(result.error.reason) ? 'rscale' : 'expand',
        message: result.error.reason,
      });
    return problems;
  }
  if (expected === 'unimplemented') {
    problems.push({ check: 'unimplemented', message: 'libical refuses this rule; we expanded it' });
    return problems;
  }
  const got = result.value.occurrences.map((o) => localToIcal(o.recurrenceId, date) + (utc ? 'Z' : ''));
  const finite = rule.count !== undefined || rule.until !== undefined;
  const compared = finite ? got : got.slice(0, want);
  void startAt;
  // RFC 5545 §3.8.5.3 and RFC 8984 §4.3.3: DTSTART is always the first instance; libical leaves
  // it out when the rule does not produce it.
  const withoutStart = got.filter((v, i) => i > 0 || expected.includes(v));
  const startOnly =
    withoutStart.length !== got.length &&
    JSON.stringify(finite ? withoutStart : withoutStart.slice(0, want)) === JSON.stringify(expected);
  // With COUNT, the included DTSTART also takes one of the counted instances.
  const startCounted =
    !startOnly &&
    rule.count !== undefined &&
    got[0] !== expected[0] &&
    !expected.includes(got[0]) &&
    got.slice(1).every((v) => expected.includes(v));
  if (startOnly || startCounted)
    problems.push({
      check: 'start included',
      message: `DTSTART ${got[0]} is our first instance; libical omits it`,
    });
  else if (JSON.stringify(compared) !== JSON.stringify(expected)) {
    const i = compared.findIndex((v, k) => v !== expected[k]);
    const at = i === -1 ? Math.min(compared.length, expected.length) : i;
    problems.push({
      check: 'instances',
      message: `got ${compared.length} instances, want ${expected.length}; first difference at #${at}: got ${compared[at] ?? 'none'} want ${expected[at] ?? 'none'}`,
    });
  }
  return problems;
}

function libicalBlocks(text) {
  const blocks = [];
  let current = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '' || line.startsWith('--')) {
      if (current.RRULE && current.INSTANCES !== undefined) blocks.push(current);
      if (line.trim() === '' || line.startsWith('--')) current = {};
      if (line.startsWith('#')) current = { title: line.slice(1).trim() };
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) current[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  if (current.RRULE && current.INSTANCES !== undefined) blocks.push(current);
  return blocks;
}

// ---- calcard jscalendar -------------------------------------------------------------------------

/** Members whose meaning RFC 8984 and calcard's output share; the rest is vocabulary that differs. */
const SHARED = [
  'title',
  'description',
  'start',
  'timeZone',
  'duration',
  'showWithoutTime',
  'status',
  'freeBusyStatus',
  'privacy',
  'sequence',
  'priority',
  'uid',
  'color',
];

function calcardJscalendarCases(text) {
  const cases = [];
  const parts = text.split(/^> test /m).slice(1);
  for (const part of parts) {
    const [head, expectedText = ''] = part.split(/^> convert\s*$/m);
    const lines = head.split(/\r?\n/);
    cases.push({
      title: lines[0].trim(),
      input: lines.slice(1).join('\r\n').trim(),
      expected: expectedText.trim(),
    });
  }
  return cases;
}

/** Closes the components a fragment leaves open, innermost first. */
function closeOpen(text) {
  const stack = [];
  for (const line of text.split(/\r?\n/)) {
    const begin = /^BEGIN:(\S+)/i.exec(line);
    const end = /^END:(\S+)/i.exec(line);
    if (begin) stack.push(begin[1]);
    else if (end) stack.pop();
  }
  return stack.length
    ? `${text}\r\n${stack
        .reverse()
        .map((c) => `END:${c}`)
        .join('\r\n')}`
    : text;
}

function wrapInput(fragment) {
  const input = closeOpen(fragment);
  if (/^BEGIN:VCALENDAR/i.test(input)) return input;
  if (/^BEGIN:V/i.test(input)) {
    const withUid = /^UID:/im.test(input)
      ? input
      : input.replace(/^(BEGIN:V\w+)\r?\n/i, '$1\r\nUID:vector\r\n');
    // calcard's fragments may leave the component open.
    const open = /^BEGIN:(V\w+)/i.exec(withUid)[1];
    const closed = new RegExp(`^END:${open}`, 'im').test(withUid) ? withUid : `${withUid}\r\nEND:${open}`;
    return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${closed}\r\nEND:VCALENDAR\r\n`;
  }
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:vector\r\n${/^DTSTART/im.test(input) ? '' : 'DTSTART:20240101T000000Z\r\n'}${input}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
}

function calcardJscalendarCase(c) {
  const problems = [];
  let expected;
  try {
    expected = JSON.parse(c.expected.startsWith('{') ? c.expected : `{${c.expected}}`);
  } catch {
    return [{ check: 'expected', message: 'the expected JSON does not parse as an object' }];
  }
  const result = timed(problems, 'conversion', () => icalendarToJSCalendar(wrapInput(c.input)));
  if (!result.ok) {
    problems.push({ check: 'convert', message: result.error.reason });
    return problems;
  }
  const ours = result.value.events[0] ?? {};
  // In a Group, compare with the entry of the same UID (we convert only events with a start).
  const entries =
    expected['@type'] === 'Group' ? (expected.entries ?? []).filter((e) => e['@type'] === 'Event') : [];
  const target =
    expected['@type'] === 'Group' ? (entries.find((e) => e.uid === ours.uid) ?? entries[0] ?? {}) : expected;
  if (expected['@type'] === 'Group' && entries.length !== result.value.events.length)
    problems.push({
      check: 'entries',
      message: `peer has ${entries.length} events, we have ${result.value.events.length}`,
    });
  const sharedKeys = SHARED.filter((k) => k in target);
  for (const key of sharedKeys) {
    if (key === 'uid' && ours.uid === 'vector') continue;
    if (JSON.stringify(ours[key] ?? null) !== JSON.stringify(target[key] ?? null))
      problems.push({
        check: `field ${key}`,
        message: `got ${JSON.stringify(ours[key])} want ${JSON.stringify(target[key])}`,
      });
  }
  const other = Object.keys(target).filter((k) => !SHARED.includes(k) && k !== '@type');
  if (other.length)
    problems.push({ check: 'vocabulary', message: `members not compared: ${other.join(', ')}` });
  if (expected['@type'] !== undefined && expected['@type'] !== 'Event' && expected['@type'] !== 'Group')
    problems.push({ check: 'type', message: `peer converts to ${expected['@type']}` });
  return problems;
}

// ---- round trips --------------------------------------------------------------------------------

function roundTripCase(file, outFile) {
  const problems = [];
  const text = readFileSync(file, 'utf8');
  const first = timed(problems, 'parse', () => icalendarToJSCalendar(text));
  if (!first.ok) {
    problems.push({
      check: first.error.code === 'no-event' ? 'no-event' : 'parse',
      message: first.error.reason,
    });
    return problems;
  }
  const events = first.value.events;
  const serialized = timed(problems, 'serialize', () =>
    jscalendarToICalendar(events, { now: '2026-01-01T00:00:00Z' }),
  );
  for (const line of serialized.split('\r\n'))
    if (Buffer.byteLength(line) > 75) {
      problems.push({ check: 'fold', message: `a line of ${Buffer.byteLength(line)} octets` });
      break;
    }
  const second = icalendarToJSCalendar(serialized);
  if (!second.ok) problems.push({ check: 'reparse', message: second.error.reason });
  else if (JSON.stringify(normalise(second.value.events, events)) !== JSON.stringify(normalise(events)))
    problems.push({
      check: 'round trip',
      message: firstDifference(normalise(events), normalise(second.value.events, events)),
    });
  if (outFile && existsSync(outFile)) {
    const peer = icalendarToJSCalendar(readFileSync(outFile, 'utf8'));
    if (!peer.ok)
      problems.push({ check: 'peer output', message: `the peer's .out does not read: ${peer.error.reason}` });
    else if (JSON.stringify(normalise(peer.value.events)) !== JSON.stringify(normalise(events)))
      problems.push({
        check: 'peer output',
        message: firstDifference(normalise(events), normalise(peer.value.events)),
      });
  }
  return problems;
}

/**
 * The method is a property of the message, not of the events. `updated` comes from DTSTAMP, which
 * RFC 5545 §3.6.1 requires: the serializer writes one (from `now`) where the source had none.
 */
function normalise(events, reference = events) {
  return events.map((e, i) => {
    const { method: _m, ...rest } = e;
    if (reference[i] && reference[i].updated === undefined) delete rest.updated;
    return sortKeys(rest);
  });
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  return v;
}
function firstDifference(a, b, at = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${at}/${k}`);
      if (d) return d;
    }
  }
  return `${at || '/'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}

// ---- robustness ---------------------------------------------------------------------------------

function robustnessCase(file) {
  const problems = [];
  const text = readFileSync(file, 'utf8');
  const result = timed(problems, 'parse', () => icalendarToJSCalendar(text));
  if (!result.ok) return problems; // a refusal with a reason is a pass here: no crash, no hang
  for (const event of result.value.events)
    if (event.recurrenceRules || event.recurrenceOverrides) {
      const expanded = timed(problems, 'expansion', () =>
        expandOccurrences(event, '1990-01-01T00:00:00Z', '2040-01-01T00:00:00Z', { maxInstances: 500 }),
      );
      if (!expanded.ok && !/RSCALE|SKIP/.test(expanded.error.reason))
        problems.push({ check: 'expand', message: expanded.error.reason });
    }
  return problems;
}

/** @returns {{ suite: string, results: { name: string, problems: { check: string, message: string }[] }[], note?: string }[]} */
export function runIcalVectors(vectorsDir) {
  const ical = path.join(vectorsDir, 'ical');
  const suites = [];

  const recur = { suite: 'ical recurrence (libical-recur)', results: [] };
  for (const file of sortedFiles(path.join(ical, 'libical-recur'), /\.txt$/))
    libicalBlocks(readFileSync(path.join(ical, 'libical-recur', file), 'utf8')).forEach((block, i) =>
      recur.results.push(
        run(`libical-recur/${file}#${i + 1} ${block.title ?? ''}`.trim(), () => libicalCase(block)),
      ),
    );
  suites.push(recur);

  const jscal = {
    suite: 'ical -> JSCalendar (calcard jscalendar)',
    results: [],
    note: 'compares the members RFC 8984 shares with calcard (JSCalendar 2.0 draft); the others are listed as vocabulary',
  };
  for (const file of sortedFiles(path.join(ical, 'calcard', 'jscalendar'), /\.txt$/))
    calcardJscalendarCases(readFileSync(path.join(ical, 'calcard', 'jscalendar', file), 'utf8')).forEach(
      (c, i) =>
        jscal.results.push(
          run(`calcard/jscalendar/${file}#${i + 1} ${c.title}`, () => calcardJscalendarCase(c)),
        ),
    );
  suites.push(jscal);

  const trips = { suite: 'ical round trips (calcard ical .ics)', results: [] };
  const calcardIcal = path.join(ical, 'calcard', 'ical');
  for (const file of sortedFiles(calcardIcal, /\.ics$/)) {
    const full = path.join(calcardIcal, file);
    if (!/BEGIN:VEVENT/i.test(readFileSync(full, 'utf8'))) {
      trips.results.push({
        name: `calcard/ical/${file}`,
        problems: [],
        skipped: 'no VEVENT: only events are converted (VTODO, VJOURNAL, VFREEBUSY are not)',
      });
      continue;
    }
    trips.results.push(run(`calcard/ical/${file}`, () => roundTripCase(full, `${full}.out`)));
  }
  suites.push(trips);

  const robust = {
    suite: 'ical robustness (icaljs-parser, icaljs-samples, cyrus-cassandane-ics)',
    results: [],
  };
  for (const dir of ['icaljs-parser', 'icaljs-samples', 'icaljs-samples/timezones', 'cyrus-cassandane-ics'])
    for (const file of sortedFiles(path.join(ical, dir), /\.ics$/))
      robust.results.push(run(`${dir}/${file}`, () => robustnessCase(path.join(ical, dir, file))));
  suites.push(robust);
  return suites;
}
