import { mkdir } from 'node:fs/promises';
import { openMailStore } from '@colibri/mail-store';
import type { MailStore } from '@colibri/mail-store';
import type { ColibriConfig } from './config.js';

/** The storage roles the BFF works with; later issues add search, pub/sub... that fall back to `mail`. */
export interface Stores {
  mail: MailStore;
}

/**
 * The one place that chooses storage backends (DESIGN.md): today always the embedded store
 * (SQLite + filesystem blobs) in the data folder; PostgreSQL and S3 will be chosen here.
 */
export async function openStores(config: Pick<ColibriConfig, 'dataDir' | 'uploadTtlMs'>): Promise<Stores> {
  await mkdir(config.dataDir, { recursive: true });
  return { mail: await openMailStore({ dataDir: config.dataDir, uploadTtlMs: config.uploadTtlMs }) };
}
