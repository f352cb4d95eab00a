import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { createCardsBatch } from '../api/import-cards';
import { contactsKeys } from '../api/keys';
import { MAX_IMPORT_CHARS, importVcf } from '../lib/vcf-import';
import type { ImportProgress, ImportReport } from '../lib/vcf-import';
import { contactsMessages } from '../messages';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress | null }
  | { status: 'done'; report: ImportReport }
  | { status: 'failed'; error: string };

/** A file's text: `File.text()` where the browser has it (jsdom's File lacks it), else a FileReader. */
function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/** Imports a `.vcf` file into an address book with progress, and a list of what failed. */
export function useVcfImport(accountId: Id, batchSize: number) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const stopped = useRef(false);

  const start = useCallback(
    async (file: Blob, addressBookId: Id) => {
      stopped.current = false;
      // Size in octets is at least the characters: a file over the limit in octets may still fit.
      if (file.size > MAX_IMPORT_CHARS * 4) {
        setState({
          status: 'failed',
          error: contactsMessages.importTooLarge(`${MAX_IMPORT_CHARS / 1024 / 1024} MiB`),
        });
        return;
      }
      setState({ status: 'running', progress: null });
      try {
        const text = await readText(file);
        if (!/BEGIN:VCARD/i.test(text)) {
          setState({ status: 'failed', error: contactsMessages.importNoCards });
          return;
        }
        const report = await importVcf(text, {
          addressBookId,
          batchSize,
          createBatch: (cards) => createCardsBatch(client, accountId, cards),
          onProgress: (progress) => setState({ status: 'running', progress }),
          isStopped: () => stopped.current,
        });
        setState({ status: 'done', report });
      } catch (error) {
        setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      } finally {
        await queryClient.invalidateQueries({ queryKey: contactsKeys.type(accountId, 'ContactCard') });
      }
    },
    [accountId, batchSize, client, queryClient],
  );

  const stop = useCallback(() => {
    stopped.current = true;
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, stop, reset };
}
