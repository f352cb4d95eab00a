import { generateKeyPairSync } from 'node:crypto';
import { NotFoundError } from '../errors.js';
import type { DkimKey } from '../model.js';
import type { Db } from './open-database.js';

/** RFC 8301 §3.2: signers must use RSA keys of at least 1024 bits; 2048 is the usual size. */
export const dkimKeyBits = 2048;
/** The selector of the keys we make (RFC 6376 §3.1): `colibri._domainkey.<domain>`. */
export const dkimSelector = 'colibri';

interface DkimRow {
  domain: string;
  selector: string;
  private_key_pem: string;
  created_at: number;
}

const toKey = (row: DkimRow): DkimKey => ({
  domain: row.domain,
  selector: row.selector,
  privateKeyPem: row.private_key_pem,
  createdAt: new Date(row.created_at),
});

/**
 * The local domain's DKIM key, made (RSA 2048) and stored on first need. NotFoundError for a
 * domain that is not ours: we sign only for our own domains. Generation happens outside the write
 * transaction; if two callers race, the first stored key wins and both get it.
 */
export function dkimKey(db: Db, domain: string): DkimKey {
  const name = domain.toLowerCase();
  if (!db.prepare('SELECT 1 FROM domains WHERE name = ?').get(name))
    throw new NotFoundError(`Domain ${name}`);
  const select = db.prepare('SELECT * FROM dkim_keys WHERE domain = ?');
  const existing = select.get(name) as DkimRow | undefined;
  if (existing) return toKey(existing);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: dkimKeyBits });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  db.prepare(
    'INSERT OR IGNORE INTO dkim_keys (domain, selector, private_key_pem, created_at) VALUES (?, ?, ?, ?)',
  ).run(name, dkimSelector, pem, Date.now());
  return toKey(select.get(name) as DkimRow);
}
