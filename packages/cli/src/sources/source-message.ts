/** One message read from an import source, with what makes a re-run recognise it. */
export interface SourceMessage {
  raw: Uint8Array;
  /**
   * Stable identity within its source (e.g. `mbox:<path>:<offset>:<sha256>`): the store's import
   * key, so that an interrupted import resumed later skips exactly what was committed.
   */
  key: string;
  /** Where it is in the source, for error messages (`file.mbox at byte 1234`). */
  where: string;
  /** Mailbox path below the import's target (maildir++ subfolders); empty = the target itself. */
  folder: string[];
  keywords: string[];
  receivedAt?: Date;
  /** Progress so far in the source's unit (bytes for mbox, messages for folders) after this one. */
  progress: number;
}

/** A readable import source: its size for the progress bar, and its messages in order. */
export interface ImportSource {
  kind: 'mbox' | 'maildir' | 'eml';
  total: number;
  unit: 'bytes' | 'messages';
  messages(): AsyncIterable<SourceMessage>;
}
