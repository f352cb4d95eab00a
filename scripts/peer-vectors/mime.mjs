// MIME peer vectors through the real store: every message is imported with `importMessage` into a
// fresh SQLite store, as SMTP delivery would. Two kinds of check:
//  - structure (stalwart-mail-parser-eml, which carries the expected parse): the RFC 8621 §4.1.4
//    textBody / htmlBody / attachments lists, and the decoded text of the body parts;
//  - header values (stalwart-headers.mjs): the parsed email fields and each part's content headers;
//  - robustness (every other .eml/.msg): the import must not throw and must keep the raw bytes.
// Every import is timed: one over HANG_RISK_MS is a failure (a parser that slows down this much on
// one message is one bad input away from a hang); one that does not settle within HANG_MS is
// abandoned as hung. A problem is `{ check, message }`; `check` is the key deviations.json uses.
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMailStore } from '@colibri/mail-store';
import { compareHeaders } from './stalwart-headers.mjs';
import { compareMime4jStructure } from './mime4j-structure.mjs';

export const HANG_RISK_MS = 2_000;
export const HANG_MS = 20_000;

/** Imports with a time budget; returns the email and the problems the timing adds. */
async function timedImport(store, accountId, mailboxId, raw) {
  const started = performance.now();
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: no result after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const email = await Promise.race([
      store.importMessage(accountId, { raw, mailboxIds: [mailboxId] }),
      hung,
    ]);
    const ms = Math.round(performance.now() - started);
    const problems =
      ms > HANG_RISK_MS
        ? [{ check: 'time', message: `hang risk: import took ${ms} ms (budget ${HANG_RISK_MS} ms)` }]
        : [];
    return { email, problems };
  } finally {
    clearTimeout(timer);
  }
}

/** Pre-order flattening of our bodyStructure, as stalwart numbers its parts (messages not entered). */
function flatten(part, out = []) {
  out.push(part);
  for (const sub of part.subParts ?? []) flatten(sub, out);
  return out;
}

/**
 * A part's blob holds the transfer-decoded bytes in the part's own charset (RFC 8621 §4.1.4); read
 * them as the store's decodeText does: US-ASCII (often only the default) that is valid UTF-8 is
 * UTF-8; an unknown charset falls back to UTF-8.
 */
function textDecoderLikeTheStore(charset) {
  const name = (charset ?? '').trim().toLowerCase();
  if (name === '' || name === 'us-ascii' || name === 'ascii') return new TextDecoder('utf-8');
  try {
    return new TextDecoder(name);
  } catch {
    return new TextDecoder('utf-8');
  }
}

const normalise = (s) => s.replace(/\r\n/g, '\n').replace(/\s+$/g, '').replace(/^\s+/g, '');

/** Bare LF line ends as CRLF, as stalwart's `.crlf.json` expectations were made. */
function toCrlf(bytes) {
  return Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

async function structureCase(store, accountId, mailboxId, emlPath, expected, crlf = false) {
  const raw = crlf ? toCrlf(readFileSync(emlPath)) : readFileSync(emlPath);
  const { email, problems } = await timedImport(store, accountId, mailboxId, raw);
  const ourParts = flatten(email.bodyStructure);
  const index = new Map(ourParts.map((p, i) => [p.partId ?? `#${i}`, i]));
  for (const [ours, theirs] of [
    ['textBody', 'text_body'],
    ['htmlBody', 'html_body'],
    ['attachments', 'attachments'],
  ]) {
    const got = email[ours].map((p) => index.get(p.partId) ?? -1);
    const want = expected[theirs];
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push({ check: ours, message: `got [${got}] want [${want}]` });
  }
  for (const part of new Set([...email.textBody, ...email.htmlBody])) {
    const i = index.get(part.partId);
    const body = i === undefined ? undefined : expected.parts[i]?.body;
    const want = body && typeof body === 'object' ? (body.Text ?? body.Html) : undefined;
    if (typeof want !== 'string' || !part.blobId) continue;
    // Decoded text is only comparable for text/* parts (an audio part's "text" is no one's contract).
    if (!part.type.startsWith('text/')) continue;
    const bytes = await store.readBlob(accountId, part.blobId);
    const decoder = textDecoderLikeTheStore(part.charset);
    const got = bytes ? decoder.decode(bytes) : '';
    if (normalise(got) !== normalise(want))
      problems.push({ check: `part ${part.partId} text`, message: 'decoded text differs' });
  }
  problems.push(...compareHeaders(email, ourParts, expected.parts));
  return problems;
}

async function robustnessCase(store, accountId, mailboxId, file) {
  const raw = readFileSync(file);
  const { email, problems } = await timedImport(store, accountId, mailboxId, raw);
  const stored = await store.readBlob(accountId, email.blobId);
  if (!stored || Buffer.compare(Buffer.from(stored), raw) !== 0)
    problems.push({ check: 'raw', message: 'raw message not kept byte for byte' });
  // mime4j's expected structure, where it ships one beside the message.
  const xml = file.replace(/\.msg$/, '.xml');
  if (/mime4j/.test(file) && xml !== file && existsSync(xml))
    problems.push(...compareMime4jStructure(flatten(email.bodyStructure), readFileSync(xml, 'utf8')));
  return problems;
}

function* files(dir, re) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full, re);
    else if (re.test(entry.name)) yield full;
  }
}

/** @returns {Promise<{ suite: string, results: { name: string, problems: string[] }[] }[]>} */
export async function runMimeVectors(vectorsDir) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-peer-mime-'));
  const store = await openMailStore({ dataDir });
  try {
    await store.createDomain('peer.test');
    const account = await store.createAccount({
      email: 'vectors@peer.test',
      displayName: 'Vectors',
      passwordHash: 'x',
    });
    const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox' });
    const mime = path.join(vectorsDir, 'mime');
    const suites = [];

    const stalwart = path.join(mime, 'stalwart-mail-parser-eml');
    // Each .eml has two expectations: `.json` for the file as it is (LF line ends) and `.crlf.json`
    // for the same message with CRLF line ends (as SMTP delivers it); both are checked.
    for (const crlf of [false, true]) {
      const structure = {
        suite: crlf
          ? 'mime structure, CRLF line ends (stalwart-mail-parser-eml .crlf.json)'
          : 'mime structure (stalwart-mail-parser-eml)',
        results: [],
      };
      for (const eml of files(stalwart, /\.eml$/)) {
        const json = eml.replace(/\.eml$/, crlf ? '.crlf.json' : '.json');
        const name = path.relative(mime, eml) + (crlf ? ' [crlf]' : '');
        if (!existsSync(json)) {
          structure.results.push({
            name,
            problems: [],
            skipped: `no expected ${path.basename(json)} beside it`,
          });
          continue;
        }
        try {
          structure.results.push({
            name,
            problems: await structureCase(
              store,
              account.id,
              inbox.id,
              eml,
              JSON.parse(readFileSync(json, 'utf8')),
              crlf,
            ),
          });
        } catch (error) {
          structure.results.push({
            name,
            problems: [{ check: 'crash', message: `threw: ${error.message}` }],
          });
        }
      }
      suites.push(structure);
    }

    const robustness = { suite: 'mime robustness (all other sets)', results: [] };
    for (const dir of readdirSync(mime).filter((d) => d !== 'stalwart-mail-parser-eml')) {
      for (const file of files(path.join(mime, dir), /\.(eml|msg)$/)) {
        const name = path.relative(mime, file);
        try {
          robustness.results.push({
            name,
            problems: await robustnessCase(store, account.id, inbox.id, file),
          });
        } catch (error) {
          robustness.results.push({
            name,
            problems: [{ check: 'crash', message: `threw: ${error.message}` }],
          });
        }
      }
    }
    suites.push(robustness);

    // The README names header-vectors/stalwart-mail-parser (address, date, content-type values);
    // when the folder is absent the suite is reported as missing, not failed.
    const headerVectors = path.join(vectorsDir, 'header-vectors');
    if (!existsSync(headerVectors))
      suites.push({
        suite: 'header vectors (header-vectors/stalwart-mail-parser)',
        results: [],
        note: `not run: ${headerVectors} does not exist in this copy of the peer vectors`,
      });
    else
      suites.push({
        suite: 'header vectors (header-vectors/stalwart-mail-parser)',
        results: [],
        note: 'not run: the folder exists but this script does not read it yet',
      });
    return suites;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
