import { open, realpath, stat } from 'node:fs/promises';
import { CliError } from '../cli-error.js';
import { hasEmlFiles, openEml } from './eml-reader.js';
import { isMaildir, openMaildir } from './maildir-reader.js';
import { openMbox } from './mbox-reader.js';
import type { ImportSource } from './source-message.js';

async function startsWithFromLine(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString('latin1') === 'From ';
  } finally {
    await handle.close();
  }
}

/** Recognises the source: a Maildir, a folder of .eml files, one .eml file, or an mbox file. */
export async function openImportSource(target: string): Promise<ImportSource> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new CliError(`No such file or folder: ${target}`);
  }
  const real = await realpath(target);
  if (info.isDirectory()) {
    if (await isMaildir(target)) return openMaildir(target, real);
    if (await hasEmlFiles(target)) return openEml(target, real, true);
    throw new CliError(`${target} is neither a Maildir (cur/, new/) nor a folder of .eml files`);
  }
  if (target.toLowerCase().endsWith('.eml')) return openEml(target, real, false);
  if (info.size === 0 || (await startsWithFromLine(target))) return openMbox(target, real);
  throw new CliError(`${target} is not an mbox file (no "From " line at its start) nor an .eml file`);
}
