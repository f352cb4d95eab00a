// MIME peer vectors through the real store: every message is imported with `importMessage` into a
// fresh SQLite store, as SMTP delivery would. Two kinds of check:
//  - structure (stalwart-mail-parser-eml, which carries the expected parse): the RFC 8621 §4.1.4
//    textBody / htmlBody / attachments lists, and the decoded text of the body parts;
//  - robustness (every other .eml/.msg): the import must not throw and must keep the raw bytes.
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMailStore } from '@colibri/mail-store';

/** Pre-order flattening of our bodyStructure, as stalwart numbers its parts (messages not entered). */
function flatten(part, out = []) {
  out.push(part);
  for (const sub of part.subParts ?? []) flatten(sub, out);
  return out;
}

const normalise = (s) => s.replace(/\r\n/g, '\n').replace(/\s+$/g, '').replace(/^\s+/g, '');

async function structureCase(store, accountId, mailboxId, emlPath, expected) {
  const raw = readFileSync(emlPath);
  const email = await store.importMessage(accountId, { raw, mailboxIds: [mailboxId] });
  const index = new Map(flatten(email.bodyStructure).map((p, i) => [p.partId ?? `#${i}`, i]));
  const problems = [];
  for (const [ours, theirs] of [
    ['textBody', 'text_body'],
    ['htmlBody', 'html_body'],
    ['attachments', 'attachments'],
  ]) {
    const got = email[ours].map((p) => index.get(p.partId) ?? -1);
    const want = expected[theirs];
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${ours}: got [${got}] want [${want}]`);
  }
  for (const part of new Set([...email.textBody, ...email.htmlBody])) {
    const i = index.get(part.partId);
    const body = i === undefined ? undefined : expected.parts[i]?.body;
    const want = body && typeof body === 'object' ? (body.Text ?? body.Html) : undefined;
    if (typeof want !== 'string' || !part.blobId) continue;
    const bytes = await store.readBlob(accountId, part.blobId);
    // A part's blob holds the transfer-decoded bytes in the part's own charset (RFC 8621 §4.1.4).
    let decoder;
    try {
      decoder = new TextDecoder(part.charset ?? 'utf-8');
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    const got = bytes ? decoder.decode(bytes) : '';
    if (normalise(got) !== normalise(want)) problems.push(`part ${part.partId} text differs`);
  }
  return problems;
}

async function robustnessCase(store, accountId, mailboxId, file) {
  const raw = readFileSync(file);
  const email = await store.importMessage(accountId, { raw, mailboxIds: [mailboxId] });
  const stored = await store.readBlob(accountId, email.blobId);
  return stored && Buffer.compare(Buffer.from(stored), raw) === 0
    ? []
    : ['raw message not kept byte for byte'];
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
    const structure = { suite: 'mime structure (stalwart-mail-parser-eml)', results: [] };
    for (const eml of files(stalwart, /\.eml$/)) {
      const json = eml.replace(/\.eml$/, '.json');
      const name = path.relative(mime, eml);
      if (!existsSync(json)) {
        structure.results.push({ name, problems: [], skipped: 'no expected .json beside it' });
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
          ),
        });
      } catch (error) {
        structure.results.push({ name, problems: [`threw: ${error.message}`] });
      }
    }
    suites.push(structure);

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
          robustness.results.push({ name, problems: [`threw: ${error.message}`] });
        }
      }
    }
    suites.push(robustness);
    return suites;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
