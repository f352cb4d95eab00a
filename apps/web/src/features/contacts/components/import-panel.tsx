import { useId, useState } from 'react';
import type { AddressBook, Id } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import type { ImportState } from '../hooks/use-vcf-import';
import { contactsMessages } from '../messages';

export interface ImportPanelProps {
  books: readonly AddressBook[];
  /** The book chosen at first: the side pane's, else the default one. */
  initialBookId: Id | null;
  state: ImportState;
  onStart: (file: File, addressBookId: Id) => void;
  onStop: () => void;
  onClose: () => void;
}

/** Import of a `.vcf` file: the file, the book, a progress bar, then what was and was not imported. */
export function ImportPanel({ books, initialBookId, state, onStart, onStop, onClose }: ImportPanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const [chosenBookId, setBookId] = useState<Id | null>(initialBookId);
  // The books may arrive after the panel opens: until one is chosen, the default one.
  const bookId = chosenBookId ?? books.find((b) => b.isDefault)?.id ?? books[0]?.id ?? '';
  const fileId = useId();
  const bookFieldId = useId();
  const running = state.status === 'running';
  const progress = running ? state.progress : null;
  return (
    <section className="contacts-import" aria-labelledby="contacts-import-title">
      <header className="contacts-detail__header">
        <h2 id="contacts-import-title">{contactsMessages.importTitle}</h2>
        <Button variant="ghost" onClick={onClose} aria-label={contactsMessages.close} disabled={running}>
          ×
        </Button>
      </header>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file && bookId) onStart(file, bookId);
        }}
      >
        <p>{contactsMessages.importIntro}</p>
        <label htmlFor={fileId}>{contactsMessages.importFile}</label>
        <input
          id={fileId}
          type="file"
          accept=".vcf,.vcard,text/vcard,text/x-vcard"
          disabled={running}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={bookFieldId}>{contactsMessages.importInto}</label>
        <select
          id={bookFieldId}
          value={bookId}
          disabled={running}
          onChange={(event) => setBookId(event.target.value)}
        >
          {books.map((book) => (
            <option key={book.id} value={book.id} disabled={!book.myRights.mayWrite}>
              {book.name}
            </option>
          ))}
        </select>
        <div className="contacts-import__buttons">
          <Button type="submit" variant="primary" disabled={!file || !bookId || running}>
            {contactsMessages.importStart}
          </Button>
          {running ? <Button onClick={onStop}>{contactsMessages.stop}</Button> : null}
        </div>
      </form>
      {running ? (
        <div className="contacts-import__progress">
          <progress
            aria-label={contactsMessages.importTitle}
            max={progress?.total ?? 1}
            value={progress?.phase === 'creating' ? progress.done : undefined}
          />
          <p role="status">
            {progress?.phase === 'creating'
              ? contactsMessages.importProgress(progress.done, progress.total)
              : contactsMessages.importReading}
          </p>
        </div>
      ) : null}
      {state.status === 'failed' ? <p role="alert">{state.error}</p> : null}
      {state.status === 'done' ? (
        <div className="contacts-import__report">
          <p role="status">
            {contactsMessages.importDone(state.report.imported)}
            {state.report.stopped ? ` ${contactsMessages.importCancelled}` : ''}
          </p>
          {state.report.failures.length > 0 ? (
            <>
              <p>{contactsMessages.importErrors(state.report.failures.length)}</p>
              <ul
                className="contacts-import__errors"
                aria-label={contactsMessages.importErrors(state.report.failures.length)}
              >
                {state.report.failures.map((failure) => (
                  <li key={failure.index}>
                    {contactsMessages.importCardError(failure.index, failure.name, failure.reason)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
