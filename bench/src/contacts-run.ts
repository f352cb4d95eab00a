// `pnpm --filter @colibri/bench contacts --cards 10000`: JMAP Contacts at scale (issue 7). Starts
// the built server, creates N realistic cards in one account over ContactCard/set (not timed),
// then times ContactCard/query as autocomplete asks it (a `prefix` of 2-4 letters, most
// recently used first, 10 results) and with an RFC 9610 `text` filter (a case-insensitive
// substring), each p50/p95 next to its target, and a JSON line.
import { parseArgs } from 'node:util';
import { Capability } from '@colibri/jmap-types';
import { startColibriProcess } from '@colibri/test-server';
import { measure, type LatencyStats } from './measure.js';
import { seededRandom, type Random } from './prng.js';
import { intOption } from './int-option.js';
import { jmapCallerFor } from './jmap-call.js';

/** Issue 7: autocomplete answers within 50 ms at 10,000 contacts. */
export const contactTargets = { prefixP50Ms: 50 } as const;

const user = 'bob@colibri.test';
const batch = 500;
const progress = (text: string) => process.stderr.write(`[contacts] ${text}\n`);

const given = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'John',
  'Radia',
  'Tim',
  'Hedy',
  'Edsger',
  'Sophie',
  'Claude',
  'Katherine',
  'Donald',
  'Anita',
  'Niklaus',
  'Élodie',
  'Jürgen',
  'Zoé',
  'Mateo',
  'Ingrid',
  'Kenji',
  'Amara',
  'Olumide',
  'Priya',
  'Lars',
];
const surnames = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'McCarthy',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'Dijkstra',
  'Wilson',
  'Shannon',
  'Johnson',
  'Knuth',
  'Borg',
  'Wirth',
  'Durand',
  'Müller',
  'Martin',
  'García',
  'Larsen',
  'Tanaka',
  'Okafor',
  'Adeyemi',
  'Sharma',
  'Nilsson',
  'Dubois',
  'Rossi',
  'Novak',
  'Kowalski',
  'Silva',
  'Moreau',
];
const companies = [
  'Analytical Engines',
  'Bletchley Park',
  'Navy Labs',
  'Kernel Org',
  'Apollo Guidance',
  'Bell Labs',
  'Xerox PARC',
  'CERN',
  'Colibri',
  'Acme',
  'Initech',
  'Globex',
  'Umbrella',
  'Hooli',
];
const cities = ['Paris', 'Lyon', 'Berlin', 'London', 'Madrid', 'Oslo', 'Tokyo', 'Lagos', 'Delhi', 'Rome'];

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** A card as a person's address book holds it: names, one or two emails, a phone, often more. */
function cardOf(random: Random, i: number): Record<string, unknown> {
  const first = random.pick(given);
  const last = random.pick(surnames);
  const company = random.pick(companies);
  const domain = `${slug(company)}.example`;
  return {
    name: {
      components: [
        { kind: 'given', value: first },
        { kind: 'surname', value: last },
      ],
      isOrdered: true,
    },
    emails: {
      w: { address: `${slug(first)}.${slug(last)}${i}@${domain}`, contexts: { work: true } },
      ...(random.chance(0.4)
        ? { p: { address: `${slug(first)}${i}@mail.example`, contexts: { private: true } } }
        : {}),
    },
    phones: {
      p: {
        number: `+33 6 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      },
    },
    organizations: { o: { name: company } },
    ...(random.chance(0.5)
      ? { titles: { t: { name: random.pick(['Engineer', 'Director', 'Designer', 'Analyst']) } } }
      : {}),
    ...(random.chance(0.3)
      ? {
          addresses: {
            a: { components: [{ kind: 'locality', value: random.pick(cities) }], countryCode: 'FR' },
          },
        }
      : {}),
    ...(random.chance(0.2) ? { notes: { n: { note: `Met at the ${random.pick(cities)} conference` } } } : {}),
  };
}

function options() {
  const { values } = parseArgs({
    options: {
      cards: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
    },
  });
  return {
    cards: intOption('cards', values.cards, 100),
    runs: intOption('runs', values.runs, 5),
    seed: intOption('seed', values.seed, 0),
  };
}

async function main(): Promise<void> {
  const config = options();
  progress('starting the Colibri server (apps/bff/dist) on a temporary data folder');
  const server = await startColibriProcess({ label: 'bench', requireWeb: false, readyTimeoutMs: 120_000 });
  try {
    const { call } = await jmapCallerFor(server.baseURL, user, server.demoPassword, Capability.Contacts);

    const random = seededRandom(config.seed);
    progress(`creating ${config.cards} cards over ContactCard/set (not timed)`);
    for (let start = 0; start < config.cards; start += batch) {
      const create: Record<string, unknown> = {};
      for (let i = start; i < Math.min(config.cards, start + batch); i++) create[`c${i}`] = cardOf(random, i);
      const set = await call('ContactCard/set', { create });
      if (set.notCreated !== null) throw new Error(JSON.stringify(set.notCreated).slice(0, 500));
    }
    const { total } = await call('ContactCard/query', { calculateTotal: true, limit: 1 });
    progress(`the account holds ${String(total)} cards (its own and the directory's)`);

    const prefixes = [...given, ...surnames].map((name) =>
      name.slice(0, 2 + (name.length % 3)).toLowerCase(),
    );
    const needles = ['ovela', 'ring', 'bell labs', 'director', 'lyon', 'conference', '+33 6 4', 'mail.exa'];
    const warmup = Math.max(3, Math.round(config.runs / 10));
    const latency: Record<string, LatencyStats> = {};
    latency['autocomplete: prefix, recentlyUsed, 10'] = await measure(
      (i) =>
        call('ContactCard/query', {
          filter: { prefix: prefixes[i % prefixes.length] },
          sort: [{ property: 'recentlyUsed' }],
          limit: 10,
        }),
      warmup,
      config.runs,
    );
    latency['autocomplete: prefix, unsorted, 10'] = await measure(
      (i) => call('ContactCard/query', { filter: { prefix: prefixes[i % prefixes.length] }, limit: 10 }),
      warmup,
      config.runs,
    );
    latency['text filter (query 50)'] = await measure(
      (i) => call('ContactCard/query', { filter: { text: needles[i % needles.length] }, limit: 50 }),
      warmup,
      config.runs,
    );
    latency['name/surname filter (query 50)'] = await measure(
      (i) =>
        call('ContactCard/query', { filter: { 'name/surname': surnames[i % surnames.length] }, limit: 50 }),
      warmup,
      config.runs,
    );
    const lines = Object.entries(latency).map(([label, s]) => {
      const target = label.startsWith('autocomplete')
        ? ` (target p50 ≤ ${contactTargets.prefixP50Ms} ms: ${s.p50 <= contactTargets.prefixP50Ms ? 'PASS' : 'MISS'})`
        : '';
      return `${label.padEnd(40)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms${target}`;
    });
    process.stdout.write(
      `ContactCard/query at ${config.cards} cards, ${config.runs} runs each\n${lines.join('\n')}\n`,
    );
    process.stdout.write(`${JSON.stringify({ cards: config.cards, runs: config.runs, latency })}\n`);
  } finally {
    await server.stop();
  }
}

await main();
