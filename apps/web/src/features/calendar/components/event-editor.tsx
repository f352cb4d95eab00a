import { memo, useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextField } from '@colibri/ui';
import type { Calendar, Id } from '@colibri/jmap-types';
import { emptyDraftErrors, isEmail, validateDraft } from '../lib/event-draft';
import type { DraftErrors, EventDraft } from '../lib/event-draft';
import { WEEKDAYS } from '../lib/recurrence';
import type { RepeatDraft, RepeatKind } from '../lib/recurrence';
import { calendarMessages } from '../messages';
import { findTimeMessages } from '../find-time-messages';
import { draftSlot, draftWithSlot } from '../lib/draft-slot';
import { FindTimeGrid } from './find-time-grid';
import { ModalDialog } from './modal-dialog';
import { ReminderField } from './reminder-field';
import { RoomField } from './room-field';
import { VideoMeetingField } from './video-meeting-field';

const m = calendarMessages.editor;
const REPEAT_KINDS: readonly RepeatKind[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

/** The browser's IANA zones, with the draft's own first in case the browser lacks it. */
function timeZoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The ~400 zones, rendered once: typing in the other fields does not rebuild them. */
const TimeZoneOptions = memo(function TimeZoneOptions({ zones }: { zones: readonly string[] }) {
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone.replaceAll('_', ' ')}
    </option>
  ));
});

const splitAddresses = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((a) => a.trim())
    .filter(Boolean);

export interface EventEditorProps {
  open: boolean;
  mode: 'create' | 'edit';
  initial: EventDraft;
  /** The calendars an event may be put in (the user may write to them). */
  calendars: readonly Pick<Calendar, 'id' | 'name'>[];
  saving?: boolean;
  /** Called with a valid draft. An empty title is allowed: it shows as "(No title)". */
  onSave: (draft: EventDraft) => void;
  onCancel: () => void;
  onDelete?: () => void;
  /**
   * Offers "find a time" (the people's availability) and room booking when given: the account
   * and the user.
   */
  findTime?: { accountId: Id; userEmail: string };
}

/** The event editor, a modal dialog: every field labelled, errors announced, Escape cancels. */
export function EventEditor({
  open,
  mode,
  initial,
  calendars,
  saving = false,
  onSave,
  onCancel,
  onDelete,
  findTime,
}: EventEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [attendeesText, setAttendeesText] = useState(initial.attendees.join(', '));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [findingTime, setFindingTime] = useState(false);
  const id = useId();
  const zones = useMemo(() => timeZoneList(draft.timeZone), [draft.timeZone]);

  const change = (patch: Partial<EventDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (submitted) setErrors(validateDraft(next));
  };
  const changeRepeat = (patch: Partial<RepeatDraft>) =>
    change({ repeat: { ...draft.repeat, ...patch, custom: null } });
  const toggleAllDay = (allDay: boolean) =>
    change(
      allDay
        ? { allDay, start: draft.start.slice(0, 10), end: draft.end.slice(0, 10) }
        : { allDay, start: `${draft.start.slice(0, 10)}T09:00`, end: `${draft.end.slice(0, 10)}T10:00` },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const complete = { ...draft, attendees: splitAddresses(attendeesText) };
    const found = validateDraft(complete);
    setSubmitted(true);
    setErrors(found);
    if (emptyDraftErrors(found)) onSave(complete);
  };

  const covered = findTime && findingTime ? draftSlot(draft) : null;
  const dateType = draft.allDay ? 'date' : 'datetime-local';
  const titleId = `${id}-title`;
  return (
    <ModalDialog
      open={open}
      onClose={onCancel}
      labelledBy={titleId}
      className="calendar-dialog calendar-editor"
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{mode === 'create' ? m.newTitle : m.editTitle}</h2>
        <TextField
          label={m.title}
          placeholder={m.titlePlaceholder}
          value={draft.title}
          maxLength={1000}
          onChange={(e) => change({ title: e.target.value })}
          autoFocus
        />
        <label className="calendar-editor__check">
          <input type="checkbox" checked={draft.allDay} onChange={(e) => toggleAllDay(e.target.checked)} />
          {m.allDay}
        </label>
        <div className="calendar-editor__row">
          <TextField
            label={draft.allDay ? m.startDate : m.start}
            type={dateType}
            value={draft.start}
            required
            error={errors.start ? m.errors[errors.start] : undefined}
            onChange={(e) => change({ start: e.target.value })}
          />
          <TextField
            label={draft.allDay ? m.endDate : m.end}
            type={dateType}
            value={draft.end}
            required
            error={errors.end ? m.errors[errors.end] : undefined}
            onChange={(e) => change({ end: e.target.value })}
          />
        </div>
        {draft.allDay ? null : (
          <div className="calendar-editor__field">
            <label htmlFor={`${id}-tz`}>{m.timeZone}</label>
            <select
              id={`${id}-tz`}
              value={draft.timeZone}
              aria-invalid={errors.timeZone ? true : undefined}
              onChange={(e) => change({ timeZone: e.target.value })}
            >
              <TimeZoneOptions zones={zones} />
            </select>
            {errors.timeZone ? <p role="alert">{m.errors[errors.timeZone]}</p> : null}
          </div>
        )}
        <fieldset className="calendar-editor__repeat">
          <legend>{m.repeat}</legend>
          <select
            aria-label={m.repeat}
            value={draft.repeat.kind}
            onChange={(e) => changeRepeat({ kind: e.target.value as RepeatKind })}
          >
            {REPEAT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {m.repeatKinds[kind]}
              </option>
            ))}
          </select>
          {draft.repeat.custom ? <p className="calendar-editor__hint">{m.customRule}</p> : null}
          {draft.repeat.kind === 'weekly' ? (
            <div role="group" aria-label={m.repeatOn} className="calendar-editor__weekdays">
              {WEEKDAYS.map((day) => (
                <label key={day} title={m.weekdays[day]}>
                  <input
                    type="checkbox"
                    aria-label={m.weekdays[day]}
                    checked={draft.repeat.weekdays.includes(day)}
                    onChange={(e) =>
                      changeRepeat({
                        weekdays: e.target.checked
                          ? [...draft.repeat.weekdays, day]
                          : draft.repeat.weekdays.filter((d) => d !== day),
                      })
                    }
                  />
                  <span aria-hidden="true">{m.weekdaysShort[day]}</span>
                </label>
              ))}
            </div>
          ) : null}
          {draft.repeat.kind !== 'none' ? (
            <div className="calendar-editor__ends">
              <label>
                {m.ends}{' '}
                <select
                  value={draft.repeat.ends}
                  onChange={(e) => changeRepeat({ ends: e.target.value as RepeatDraft['ends'] })}
                >
                  <option value="never">{m.endsNever}</option>
                  <option value="until">{m.endsUntil}</option>
                  <option value="count">{m.endsCount}</option>
                </select>
              </label>
              {draft.repeat.ends === 'until' ? (
                <TextField
                  label={m.untilDate}
                  type="date"
                  value={draft.repeat.until}
                  error={errors.repeat ? m.errors[errors.repeat] : undefined}
                  onChange={(e) => changeRepeat({ until: e.target.value })}
                />
              ) : null}
              {draft.repeat.ends === 'count' ? (
                <TextField
                  label={m.count}
                  type="number"
                  min={1}
                  max={1000}
                  value={String(draft.repeat.count)}
                  error={errors.repeat ? m.errors[errors.repeat] : undefined}
                  onChange={(e) => changeRepeat({ count: Number(e.target.value) })}
                />
              ) : null}
            </div>
          ) : null}
        </fieldset>
        <TextField
          label={m.location}
          value={draft.location}
          onChange={(e) => change({ location: e.target.value })}
        />
        {findTime ? <RoomField accountId={findTime.accountId} draft={draft} onChange={change} /> : null}
        {draft.reminder !== undefined ? (
          <ReminderField value={draft.reminder} onChange={(reminder) => change({ reminder })} />
        ) : null}
        <VideoMeetingField draft={draft} onChange={change} />
        <div className="calendar-editor__field">
          <label htmlFor={`${id}-guests`}>{m.attendees}</label>
          <textarea
            id={`${id}-guests`}
            rows={2}
            value={attendeesText}
            aria-describedby={`${id}-guests-hint`}
            aria-invalid={errors.attendees ? true : undefined}
            onChange={(e) => {
              setAttendeesText(e.target.value);
              if (submitted)
                setErrors(validateDraft({ ...draft, attendees: splitAddresses(e.target.value) }));
            }}
          />
          <p id={`${id}-guests-hint`} className="calendar-editor__hint">
            {m.attendeesHint}
          </p>
          {errors.attendees ? <p role="alert">{m.errors[errors.attendees]}</p> : null}
        </div>
        {findTime ? (
          <div className="calendar-editor__field">
            <Button aria-expanded={findingTime} onClick={() => setFindingTime(!findingTime)}>
              {findingTime ? findTimeMessages.close : findTimeMessages.open}
            </Button>
            {covered ? (
              <FindTimeGrid
                accountId={findTime.accountId}
                userEmail={findTime.userEmail}
                people={[findTime.userEmail, ...splitAddresses(attendeesText).filter(isEmail)]}
                timeZone={draft.timeZone}
                slot={covered.slot}
                days={covered.days}
                allDay={draft.allDay}
                onPick={(slot) => change(draftWithSlot(draft, slot))}
              />
            ) : null}
          </div>
        ) : null}
        <div className="calendar-editor__field">
          <label htmlFor={`${id}-description`}>{m.description}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            value={draft.description}
            onChange={(e) => change({ description: e.target.value })}
          />
        </div>
        {calendars.length > 0 ? (
          <div className="calendar-editor__field">
            <label htmlFor={`${id}-calendar`}>{m.calendar}</label>
            <select
              id={`${id}-calendar`}
              value={draft.calendarId}
              onChange={(e) => change({ calendarId: e.target.value })}
            >
              {calendars.map((calendar) => (
                <option key={calendar.id} value={calendar.id}>
                  {calendar.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="calendar-dialog__actions">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? m.saving : m.save}
          </Button>
          <Button onClick={onCancel}>{m.cancel}</Button>
          {onDelete ? (
            <Button variant="ghost" onClick={onDelete}>
              {m.delete}
            </Button>
          ) : null}
        </div>
      </form>
    </ModalDialog>
  );
}
