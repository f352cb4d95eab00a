import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from '@colibri/ui';
import type { VacationResponse } from '@colibri/jmap-types';
import type { VacationFields } from '../api/vacation';
import { localInputToUtc, utcToLocalInput } from '../lib/local-date-time';
import { settingsMessages } from '../messages';
import { FormFooter } from './form-footer';
import { TextAreaField } from './text-area-field';

const t = settingsMessages.vacation;

export interface VacationFormProps {
  vacation: VacationResponse;
  onSave: (fields: VacationFields) => void;
  saving?: boolean;
  /** The server's refusal or a network failure, in words. */
  error?: string | null;
  saved?: boolean;
}

/** RFC 8621 §8: the vacation responder's fields; checks the period and the body before saving. */
export function VacationForm({
  vacation,
  onSave,
  saving = false,
  error = null,
  saved = false,
}: VacationFormProps) {
  const [isEnabled, setEnabled] = useState(vacation.isEnabled);
  const [from, setFrom] = useState(utcToLocalInput(vacation.fromDate));
  const [to, setTo] = useState(utcToLocalInput(vacation.toDate));
  const [subject, setSubject] = useState(vacation.subject ?? '');
  const [textBody, setTextBody] = useState(vacation.textBody ?? '');
  const [htmlBody, setHtmlBody] = useState(vacation.htmlBody ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromDate = localInputToUtc(from);
    const toDate = localInputToUtc(to);
    if (fromDate && toDate && toDate <= fromDate) return setProblem(t.badRange);
    if (isEnabled && textBody.trim() === '' && htmlBody.trim() === '') return setProblem(t.emptyBody);
    setProblem(null);
    onSave({
      isEnabled,
      fromDate,
      toDate,
      subject: subject.trim() === '' ? null : subject,
      textBody: textBody === '' ? null : textBody,
      htmlBody: htmlBody.trim() === '' ? null : htmlBody,
    });
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <label className="settings-check">
        <input type="checkbox" checked={isEnabled} onChange={(event) => setEnabled(event.target.checked)} />
        {t.enabled}
      </label>
      <div className="settings-form__row">
        <TextField
          label={t.from}
          type="datetime-local"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          aria-describedby={`${ids}-date-hint`}
        />
        <TextField
          label={t.to}
          type="datetime-local"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-describedby={`${ids}-date-hint`}
          error={problem === t.badRange ? problem : undefined}
        />
      </div>
      <p id={`${ids}-date-hint`} className="settings-hint">
        {t.dateHint}
      </p>
      <TextField
        label={t.subject}
        hint={t.subjectHint}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
      />
      <TextAreaField
        label={t.textBody}
        rows={6}
        value={textBody}
        onChange={(event) => setTextBody(event.target.value)}
        error={problem === t.emptyBody ? problem : null}
      />
      <TextAreaField
        label={t.htmlBody}
        hint={t.htmlHint}
        rows={4}
        value={htmlBody}
        onChange={(event) => setHtmlBody(event.target.value)}
      />
      <FormFooter saving={saving} error={error}>
        <p className="settings-status" role="status">
          {saved && !saving && !error ? settingsMessages.saved : ''}
        </p>
      </FormFooter>
    </form>
  );
}
