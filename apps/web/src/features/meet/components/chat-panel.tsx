import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@colibri/ui';
import { MAX_CHAT_LENGTH } from '../lib/room-data';
import type { ChatLine } from '../lib/room-data';
import { meetMessages } from '../messages';

const t = meetMessages.chat;
const time = new Intl.DateTimeFormat(meetMessages.locale, { timeStyle: 'short' });

/** The in-room chat: the lines so far (a live log) and a line to send. */
export function ChatPanel({
  lines,
  onSend,
}: {
  lines: readonly ChatLine[];
  onSend: (text: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const id = useId();
  const tooLong = draft.trim().length > MAX_CHAT_LENGTH;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '' || tooLong) return;
    setSending(true);
    onSend(draft).then(
      () => {
        setDraft('');
        setSending(false);
      },
      () => setSending(false),
    );
  };
  return (
    <section className="meet-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <ol className="meet-chat" role="log" aria-live="polite">
        {lines.length === 0 && <li className="meet-hint">{t.empty}</li>}
        {lines.map((line) => (
          <li key={`${line.from}/${line.id}`} className={line.mine ? 'meet-chat__mine' : undefined}>
            <span className="meet-hint">{t.from(line.name, time.format(line.sentAt))}</span>
            <p dir="auto">{line.text}</p>
          </li>
        ))}
      </ol>
      <form className="meet-chat__form" onSubmit={submit}>
        <label htmlFor={id} className="meet-visually-hidden">
          {t.input}
        </label>
        <input
          id={id}
          value={draft}
          autoComplete="off"
          aria-invalid={tooLong || undefined}
          aria-describedby={tooLong ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
        <Button type="submit" disabled={sending || draft.trim() === '' || tooLong}>
          {t.send}
        </Button>
        {tooLong && (
          <p id={`${id}-error`} role="alert" className="meet-error">
            {t.tooLong(MAX_CHAT_LENGTH)}
          </p>
        )}
      </form>
    </section>
  );
}
