import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from './hash.js';
import type { ImportSource, SourceMessage } from './source-message.js';

/** Maildir info flags (the `:2,` suffix, sorted letters) and the JMAP keywords they mean (RFC 8621 §4.1.1). */
const flagKeywords: Record<string, string> = { S: '$seen', F: '$flagged', R: '$answered', D: '$draft' };

/** The keywords of a Maildir file name's `:2,FRS` info (T, trashed, has no keyword: skipped). */
export function maildirKeywords(fileName: string): string[] {
  const info = /[:!]2,([A-Za-z]*)$/.exec(fileName);
  if (!info) return [];
  return [...new Set([...info[1]!].flatMap((flag) => (flagKeywords[flag] ? [flagKeywords[flag]] : [])))];
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export async function isMaildir(dir: string): Promise<boolean> {
  return (await isDir(path.join(dir, 'cur'))) || (await isDir(path.join(dir, 'new')));
}

interface MaildirFile {
  file: string;
  name: string;
  folder: string[];
}

/**
 * A Maildir (`cur/` and `new/`; `tmp/` holds unfinished deliveries and is skipped) with its
 * Maildir++ subfolders (`.Work.Projects` → mailbox Work/Projects). Flags in the file names become
 * keywords; the delivery time in the name (`<seconds>.…`) the receivedAt, else the file's mtime.
 */
export async function openMaildir(root: string, realRoot: string): Promise<ImportSource> {
  const folders: string[][] = [[]];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (
      entry.isDirectory() &&
      entry.name.startsWith('.') &&
      entry.name.length > 1 &&
      (await isMaildir(path.join(root, entry.name)))
    )
      folders.push(
        entry.name
          .slice(1)
          .split('.')
          .filter((p) => p !== ''),
      );
  }
  const files: MaildirFile[] = [];
  for (const folder of folders) {
    const dir = folder.length === 0 ? root : path.join(root, `.${folder.join('.')}`);
    for (const sub of ['cur', 'new']) {
      let names: string[];
      try {
        names = await readdir(path.join(dir, sub));
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!name.startsWith('.')) files.push({ file: path.join(dir, sub, name), name, folder });
      }
    }
  }
  return {
    kind: 'maildir',
    total: files.length,
    unit: 'messages',
    async *messages() {
      for (const [i, { file, name, folder }] of files.entries()) {
        const raw = await readFile(file);
        const unique = name.replace(/[:!]2,[A-Za-z]*$/, '');
        const seconds = Number(/^(\d+)\./.exec(name)?.[1]);
        const receivedAt =
          Number.isSafeInteger(seconds) && seconds > 0 ? new Date(seconds * 1000) : (await stat(file)).mtime;
        const message: SourceMessage = {
          raw,
          key: `maildir:${realRoot}:${folder.join('.')}:${unique}:${contentHash(raw)}`,
          where: file,
          folder,
          keywords: maildirKeywords(name),
          receivedAt,
          progress: i + 1,
        };
        yield message;
      }
    },
  };
}
