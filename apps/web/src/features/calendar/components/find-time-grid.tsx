import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@colibri/ui';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import {
  availabilityProblemOf,
  availabilityQueryOptions,
  MAX_GRID_PEOPLE,
  useAvailabilities,
  usePrincipals,
} from '../api/availability';
import {
  busyBlocksOf,
  DEFAULT_WORKING_HOURS,
  dateIn,
  MAX_SEARCH_DAYS,
  mergeBusy,
  nextCommonFreeSlot,
  overlaps,
  shiftDate,
  slotsOfDay,
  wholeDay,
} from '../lib/availability';
import type { BusyBlock, Interval, WorkingHours } from '../lib/availability';
import { toLocalDateTime } from '../lib/time';
import { findTimeMessages as m } from '../find-time-messages';
import { calendarMessages } from '../messages';
import './find-time.css';

const utc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A row's state at the highlighted slot. */
type RowState = 'free' | 'busy' | 'loading' | 'unknown' | 'forbidden' | 'failed' | 'elsewhere';

interface Row {
  email: string;
  label: string;
  blocks: BusyBlock[];
  state: RowState;
}

export interface FindTimeGridProps {
  accountId: Id;
  /** The organiser first, then the attendees, by address. */
  people: readonly string[];
  /** The user's address, shown as "(you)". */
  userEmail: string;
  /** The zone the hours are shown in (the event's). */
  timeZone: string;
  /** The event's time (the proposed slot), highlighted. */
  slot: Interval;
  allDay?: boolean;
  /** How many days an all-day event covers (for "next free slot"). */
  days?: number;
  /** Compact: one day, no picking and no navigation (beside a proposal). */
  compact?: boolean;
  /** A slot picked or found: its start and end (same length as `slot`). */
  onPick?: (slot: Interval) => void;
}

/** The hours shown: the working hours, widened to the highlighted slot when it is on that day. */
function hoursFor(date: string, slot: Interval, timeZone: string, allDay: boolean): WorkingHours {
  const hours = { ...DEFAULT_WORKING_HOURS };
  if (allDay) return hours;
  const day = wholeDay(date, timeZone);
  if (overlaps(day, slot)) {
    const start =
      slot.start <= day.start ? 0 : Number(toLocalDateTime(new Date(slot.start), timeZone).slice(11, 13));
    const endLocal = toLocalDateTime(new Date(slot.end), timeZone);
    const end =
      slot.end >= day.end ? 24 : Number(endLocal.slice(11, 13)) + (endLocal.slice(14, 16) === '00' ? 0 : 1);
    hours.start = Math.min(hours.start, start);
    hours.end = Math.max(hours.end, end);
  }
  return hours;
}

/**
 * "Find a time": a row per person (organiser and attendees) over a day's working hours with
 * their busy time (JMAP Calendars §2.2 Principal/getAvailability), the event's slot
 * highlighted; people outside Colibri show "availability unknown", a refusal or a failure is
 * said on the person's row. With `onPick`, a slot is picked by a click and "next free slot for
 * everyone" searches the next {@link MAX_SEARCH_DAYS} days.
 */
export function FindTimeGrid(props: FindTimeGridProps) {
  const { accountId, timeZone, slot, compact = false, allDay = false } = props;
  const slotDate = dateIn(slot.start, timeZone);
  const [date, setDate] = useState(slotDate);
  // The event moved to another day (its fields edited, or a slot found): the grid follows it.
  const [followed, setFollowed] = useState(slotDate);
  if (followed !== slotDate) {
    setFollowed(slotDate);
    setDate(slotDate);
  }
  const [search, setSearch] = useState<'idle' | 'searching' | 'none'>('idle');
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const people = useMemo(
    () => [...new Set(props.people.map((p) => p.trim().toLowerCase()).filter(Boolean))],
    [props.people],
  );
  const shown = people.slice(0, MAX_GRID_PEOPLE);
  const principals = usePrincipals(shown);
  const day = wholeDay(date, timeZone);
  const dayRange = { utcStart: utc(day.start), utcEnd: utc(day.end) };
  const known = shown.flatMap((email) => {
    const principal = principals.data?.get(email);
    return principal ? [{ email, principal }] : [];
  });
  const availabilities = useAvailabilities(
    accountId,
    known.map((k) => k.principal.id),
    dayRange,
  );
  const hours = hoursFor(date, slot, timeZone, allDay);
  const slots = slotsOfDay(date, timeZone, hours);
  const span: Interval = {
    start: slots[0]?.start ?? day.start,
    end: slots[slots.length - 1]?.end ?? day.end,
  };
  const time = (ms: number) =>
    new Intl.DateTimeFormat(calendarMessages.locale, { timeStyle: 'short', timeZone }).format(ms);
  const range = (i: Interval) =>
    new Intl.DateTimeFormat(calendarMessages.locale, { timeStyle: 'short', timeZone }).formatRange(
      i.start,
      i.end,
    );
  const highlight = allDay
    ? { start: Math.max(slot.start, span.start), end: Math.min(slot.end, span.end) }
    : slot;

  // Free or busy "at this time" only means something on the day of the event.
  const slotShown = overlaps(day, slot);
  const rows: Row[] = shown.map((email) => {
    const principal = principals.data?.get(email);
    const label =
      email === props.userEmail.toLowerCase() ? m.you(principal?.name ?? email) : (principal?.name ?? email);
    const base = { email, label, blocks: [] as BusyBlock[] };
    if (principals.isPending) return { ...base, state: 'loading' };
    if (principals.isError) return { ...base, state: 'failed' };
    if (!principal) return { ...base, state: 'unknown' };
    const result = availabilities[known.findIndex((k) => k.email === email)];
    if (!result || result.isPending) return { ...base, state: 'loading' };
    if (result.isError) return { ...base, state: availabilityProblemOf(result.error) };
    const blocks = mergeBusy(busyBlocksOf(result.data));
    if (!slotShown) return { ...base, blocks, state: 'elsewhere' };
    return { ...base, blocks, state: blocks.some((b) => overlaps(b, highlight)) ? 'busy' : 'free' };
  });
  const busyNames = rows.filter((r) => r.state === 'busy').map((r) => r.label);
  const loaded = rows.every((r) => r.state !== 'loading');

  const pick = (start: number) => {
    setSearch('idle');
    if (allDay) {
      const length = slot.end - slot.start;
      props.onPick?.({ start: day.start, end: day.start + length });
    } else props.onPick?.({ start, end: start + (slot.end - slot.start) });
  };

  /** Fetches everyone's next MAX_SEARCH_DAYS days (one call each, §2.2 allows 366) and searches. */
  const findNext = async () => {
    setSearch('searching');
    const from = wholeDay(dateIn(slot.start, timeZone), timeZone).start;
    const to = wholeDay(shiftDate(dateIn(slot.start, timeZone), MAX_SEARCH_DAYS + 1), timeZone).end;
    const settled = await Promise.allSettled(
      known.map((k) =>
        queryClient.fetchQuery(
          availabilityQueryOptions(client, accountId, k.principal.id, {
            utcStart: utc(from),
            utcEnd: utc(to),
          }),
        ),
      ),
    );
    // Refused or failed availability is unknown: it cannot hold the search back.
    const busyByPerson = settled.flatMap((s) => (s.status === 'fulfilled' ? [busyBlocksOf(s.value)] : []));
    const found = nextCommonFreeSlot({
      busyByPerson,
      after: slot.start,
      durationMs: slot.end - slot.start,
      timeZone,
      allDay,
      days: props.days ?? 1,
    });
    if (!found) {
      setSearch('none');
      return;
    }
    setSearch('idle');
    props.onPick?.(allDay ? { start: found.start, end: found.start + (slot.end - slot.start) } : found);
  };

  const position = (i: Interval) => {
    const total = span.end - span.start;
    const start = Math.max(i.start, span.start);
    const end = Math.min(i.end, span.end);
    return { left: `${((start - span.start) / total) * 100}%`, width: `${((end - start) / total) * 100}%` };
  };
  const dayLabel = new Intl.DateTimeFormat(calendarMessages.locale, {
    dateStyle: 'full',
    timeZone,
  }).format(day.start + 12 * 3_600_000);

  return (
    <section className={`find-time${compact ? ' find-time--compact' : ''}`} aria-label={m.heading}>
      <div className="find-time__bar">
        {compact ? null : (
          <Button variant="ghost" aria-label={m.previousDay} onClick={() => setDate(shiftDate(date, -1))}>
            ‹
          </Button>
        )}
        <span className="find-time__day">{dayLabel}</span>
        {compact ? null : (
          <Button variant="ghost" aria-label={m.nextDay} onClick={() => setDate(shiftDate(date, 1))}>
            ›
          </Button>
        )}
        {props.onPick ? (
          <Button onClick={() => void findNext()} disabled={search === 'searching' || !loaded}>
            {search === 'searching' ? m.searching : m.nextFree}
          </Button>
        ) : null}
      </div>
      <p role="status" className="find-time__summary">
        {search === 'none'
          ? m.noFreeSlot(MAX_SEARCH_DAYS)
          : !loaded
            ? m.state.loading
            : !slotShown
              ? ''
              : busyNames.length > 0
                ? m.summary.someBusy(busyNames.join(', '))
                : m.summary.allFree}
      </p>
      {people.length > MAX_GRID_PEOPLE ? <p>{m.tooMany(MAX_GRID_PEOPLE)}</p> : null}
      <table className="find-time__grid">
        <thead>
          <tr>
            <th scope="col">{m.people}</th>
            <th scope="col">
              <div className="find-time__ruler">
                {slots.map((s) => {
                  const label = time(s.start);
                  const onHour = toLocalDateTime(new Date(s.start), timeZone).slice(14, 16) === '00';
                  return props.onPick && !compact ? (
                    <button
                      key={s.start}
                      type="button"
                      className="find-time__slot"
                      style={position(s)}
                      aria-label={m.pick(label)}
                      aria-pressed={s.start === slot.start}
                      onClick={() => pick(s.start)}
                    >
                      {onHour ? label : ''}
                    </button>
                  ) : onHour ? (
                    <span key={s.start} className="find-time__hour" style={position(s)}>
                      {label}
                    </span>
                  ) : null;
                })}
              </div>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.email} data-email={row.email} aria-label={row.label}>
              <th scope="row">
                <span className="find-time__name">{row.label}</span>
                {row.state === 'elsewhere' ? null : (
                  <span className={`find-time__state find-time__state--${row.state}`}>
                    {m.state[row.state]}
                  </span>
                )}
              </th>
              <td>
                <div className="find-time__track">
                  {overlaps(highlight, span) ? (
                    <span className="find-time__proposed" style={position(highlight)} aria-hidden="true" />
                  ) : null}
                  {row.blocks
                    .filter((b) => overlaps(b, span))
                    .map((b) => (
                      <span
                        key={b.start}
                        className={`find-time__busy find-time__busy--${b.status}`}
                        style={position(b)}
                        title={(b.status === 'tentative' ? m.tentative : m.busy)(range(b))}
                      >
                        {(b.status === 'tentative' ? m.tentative : m.busy)(range(b))}
                      </span>
                    ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
