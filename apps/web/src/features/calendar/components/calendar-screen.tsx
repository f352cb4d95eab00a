import { useEffect, useMemo, useState } from 'react';
import type { RefObject } from 'react';
import type FullCalendar from '@fullcalendar/react';
import type { Id, Calendar, CalendarEvent } from '@colibri/jmap-types';
import type { EditScope } from '../api/write-events';
import {
  useCalendarVisibility,
  useCreateEvent,
  useDeleteEvent,
  useProposeNewTime,
  useRsvp,
  useUpdateEvent,
} from '../hooks/use-event-mutations';
import { takeNewEventRequest } from '../../../lib/event-launcher';
import { useAttachMeetingRoom } from '../hooks/use-attach-meeting-room';
import { useCalendarShortcuts } from '../hooks/use-calendar-shortcuts';
import type { CalendarCommand } from '../hooks/use-calendar-shortcuts';
import { draftOfEvent, eventPropertiesOf, newDraft } from '../lib/event-draft';
import type { EventDraft } from '../lib/event-draft';
import { useEvent } from '../api/query-events';
import { useProposals } from '../api/proposals';
import { useAnswerProposal } from '../hooks/use-answer-proposal';
import { ownProposalsFor, pendingCountByOccurrence, pendingProposalsFor } from '../lib/proposals';
import { isOccurrence, storedIdOf } from '../lib/occurrence';
import { calendarColor, isShown, mayWrite, toEventInput } from '../lib/to-fullcalendar';
import { moveEdit } from '../lib/move';
import { addToLocalDateTime, toLocalDateTime } from '../lib/time';
import {
  useCalendarUiActions,
  useCalendarView,
  useDetailsId,
  useEditorState,
} from '../stores/calendar-ui-store';
import type { CalendarView } from '../stores/calendar-ui-store';
import { calendarMessages } from '../messages';
import { CalendarGrid, FULLCALENDAR_VIEWS } from './calendar-grid';
import type { EventMove, SlotSelection } from './calendar-grid';
import { CalendarList } from './calendar-list';
import { MiniMonth } from './mini-month';
import { CalendarToolbar } from './calendar-toolbar';
import { EventDetails } from './event-details';
import { EventEditor } from './event-editor';
import { EventProposals } from './event-proposals';
import { OwnProposalStatus } from './own-proposal-status';
import { ScopeDialog } from './scope-dialog';
import './calendar.css';

/** A change waiting for the answer to "this occurrence or all?". */
type PendingScope =
  | { action: 'edit'; occurrence: CalendarEvent; edited: Partial<CalendarEvent>; move?: EventMove }
  | { action: 'delete'; occurrence: CalendarEvent };

export interface CalendarScreenProps {
  accountId: Id;
  userEmail: string;
  timeZone: string;
  calendars: readonly Calendar[];
  occurrences: readonly CalendarEvent[];
  title: string;
  gridRef: RefObject<FullCalendar | null>;
  onRangeChange: (range: { start: Date; end: Date; title: string }) => void;
  initialDate?: Date | string;
  now?: Date | string;
}

/** The calendar screen: side pane, toolbar, grid, and the details, editor and scope dialogs. */
export function CalendarScreen(props: CalendarScreenProps) {
  const { accountId, userEmail, timeZone, calendars, occurrences, gridRef } = props;
  const view = useCalendarView();
  const detailsId = useDetailsId();
  const editor = useEditorState();
  const ui = useCalendarUiActions();
  const [pending, setPending] = useState<PendingScope | null>(null);
  const [shown, setShown] = useState<{ first: string; end: string } | null>(null);

  const createEvent = useCreateEvent(accountId);
  const updateEvent = useUpdateEvent(accountId, timeZone);
  const deleteEvent = useDeleteEvent(accountId);
  const rsvp = useRsvp(accountId);
  const propose = useProposeNewTime(accountId);
  const visibility = useCalendarVisibility(accountId);
  const proposals = useProposals(accountId);
  const answerProposal = useAnswerProposal(accountId);
  const attachMeetingRoom = useAttachMeetingRoom();

  const byCalendar = useMemo(
    () =>
      new Map(
        calendars.map(
          (c, i) => [c.id, { color: calendarColor(c, i), editable: mayWrite(c), name: c.name }] as const,
        ),
      ),
    [calendars],
  );
  const visible = useMemo(
    () => new Set(calendars.filter((c) => c.isVisible !== false).map((c) => c.id)),
    [calendars],
  );
  const pendingCounts = useMemo(
    () => pendingCountByOccurrence(proposals.data ?? [], occurrences, userEmail),
    [proposals.data, occurrences, userEmail],
  );
  const inputs = useMemo(
    () =>
      occurrences
        .filter((e) => isShown(e, visible))
        .map((e) => toEventInput(e, byCalendar, timeZone, calendarMessages.noTitle, pendingCounts.get(e.id))),
    [occurrences, visible, byCalendar, timeZone, pendingCounts],
  );
  const find = (id: Id | null) => (id ? occurrences.find((e) => e.id === id) : undefined);
  const calendarOf = (event: CalendarEvent) => byCalendar.get(Object.keys(event.calendarIds ?? {})[0] ?? '');
  const canEdit = (event: CalendarEvent) => Boolean(calendarOf(event)?.editable) && event.isOrigin !== false;
  const writable = calendars.filter(mayWrite);
  const defaultCalendarId = (writable.find((c) => c.isDefault) ?? writable[0])?.id ?? '';

  const api = () => gridRef.current?.getApi();
  const changeView = (next: CalendarView) => {
    ui.viewChosen(next);
    api()?.changeView(FULLCALENDAR_VIEWS[next]);
  };
  const openCreate = (slot?: SlotSelection) => {
    const base = { now: new Date(), timeZone, calendarId: defaultCalendarId };
    const draft = slot
      ? newDraft({
          ...base,
          allDay: slot.allDay,
          start: slot.allDay
            ? toLocalDateTime(slot.start, timeZone).slice(0, 10)
            : toLocalDateTime(slot.start, timeZone),
          // FullCalendar's all-day end is exclusive; the editor's last day is inclusive.
          end: slot.allDay
            ? addToLocalDateTime(toLocalDateTime(slot.end, timeZone).slice(0, 10), -1).slice(0, 10)
            : toLocalDateTime(slot.end, timeZone),
        })
      : newDraft(base);
    ui.editorOpened({ mode: 'create', draft });
  };
  // "Invite to a meeting" from another screen (lib/event-launcher): the new-event editor, once.
  useEffect(() => {
    const request = takeNewEventRequest();
    if (!request) return;
    const draft = newDraft({ now: new Date(), timeZone, calendarId: defaultCalendarId });
    ui.editorOpened({
      mode: 'create',
      draft: { ...draft, title: request.title ?? '', attendees: request.attendees },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only: the request is taken once
  }, []);
  const run = (command: CalendarCommand) => {
    if (command === 'today') api()?.today();
    else if (command === 'next') api()?.next();
    else if (command === 'previous') api()?.prev();
    else if (command === 'create') openCreate();
    else changeView(command);
  };
  useCalendarShortcuts(run);

  const save = (occurrence: CalendarEvent, edited: Partial<CalendarEvent>, move?: EventMove) => {
    if (isOccurrence(occurrence)) {
      setPending({ action: 'edit', occurrence, edited, ...(move ? { move } : {}) });
      return;
    }
    updateEvent.mutate({
      occurrence,
      edited,
      scope: 'series',
      ...(move ? { move: true, onRefused: move.revert } : {}),
    });
  };
  const remove = (occurrence: CalendarEvent) => {
    ui.detailsClosed();
    ui.editorClosed();
    if (isOccurrence(occurrence)) setPending({ action: 'delete', occurrence });
    else deleteEvent.mutate({ occurrence, scope: 'series' });
  };
  const chooseScope = (scope: EditScope) => {
    if (!pending) return;
    if (pending.action === 'delete') deleteEvent.mutate({ occurrence: pending.occurrence, scope });
    else
      updateEvent.mutate({
        occurrence: pending.occurrence,
        edited: pending.edited,
        scope,
        ...(pending.move ? { move: true, onRefused: pending.move.revert } : {}),
      });
    setPending(null);
  };
  const cancelScope = () => {
    if (pending?.action === 'edit') pending.move?.revert();
    setPending(null);
  };

  /** A drag or resize: the new start (and duration) in the event's own zone. */
  const move = (change: EventMove) => {
    const occurrence = find(change.id);
    if (!occurrence) return change.revert();
    const edited = moveEdit(occurrence, change.start, change.end, timeZone);
    save(occurrence, edited, change);
  };

  const submitEditor = (draft: EventDraft) => {
    if (editor?.mode === 'edit') {
      const occurrence = find(editor.occurrenceId);
      ui.editorClosed();
      if (!occurrence) return;
      save(occurrence, eventPropertiesOf(draft, userEmail, occurrence.participants ?? null));
      attachMeetingRoom(draft, storedIdOf(occurrence));
      return;
    }
    ui.editorClosed();
    createEvent.mutate(eventPropertiesOf(draft, userEmail), {
      onSuccess: (id) => attachMeetingRoom(draft, id),
    });
  };

  const details = find(detailsId);
  const editing = editor?.mode === 'edit' ? find(editor.occurrenceId) : undefined;
  // The series' rules are the base event's: an occurrence has none (draft §5.1).
  const series = useEvent(accountId, editing && isOccurrence(editing) ? storedIdOf(editing) : null);
  const editorDraft: EventDraft | null =
    editor?.mode === 'create'
      ? editor.draft
      : editing && (!isOccurrence(editing) || series.data)
        ? draftOfEvent(editing, timeZone, userEmail, series.data ?? null)
        : null;

  return (
    <div className="calendar-page">
      <aside className="calendar-page__side">
        <MiniMonth
          today={toLocalDateTime(props.now ? new Date(props.now) : new Date(), timeZone).slice(0, 10)}
          shown={shown}
          locale={calendarMessages.locale}
          onPick={(date) => api()?.gotoDate(date)}
        />
        <CalendarList
          calendars={calendars}
          onVisibilityChange={(calendarId, isVisible) => visibility.mutate({ calendarId, isVisible })}
        />
      </aside>
      <main className="calendar-page__main" aria-label={calendarMessages.title}>
        <CalendarToolbar
          title={props.title}
          view={view}
          onToday={() => run('today')}
          onPrevious={() => run('previous')}
          onNext={() => run('next')}
          onViewChange={changeView}
          onCreate={() => openCreate()}
        />
        <div className="calendar-page__grid">
          <CalendarGrid
            ref={gridRef}
            view={view}
            events={inputs}
            locale={calendarMessages.locale.toLowerCase()}
            onRangeChange={(range) => {
              setShown({
                first: toLocalDateTime(range.start, timeZone).slice(0, 10),
                end: toLocalDateTime(range.end, timeZone).slice(0, 10),
              });
              props.onRangeChange(range);
            }}
            onEventOpen={(id) => ui.detailsOpened(id)}
            onEventMove={move}
            onSlotSelect={openCreate}
            proposalBadge={calendarMessages.proposals.badge}
            onDayOpen={(day) => {
              ui.viewChosen('day');
              api()?.changeView(FULLCALENDAR_VIEWS.day, day);
            }}
            {...(props.initialDate ? { initialDate: props.initialDate } : {})}
            {...(props.now ? { now: props.now } : {})}
          />
        </div>
      </main>
      {details ? (
        <EventDetails
          key={details.id}
          open
          event={details}
          {...(calendarOf(details)
            ? { calendarName: calendarOf(details)!.name, color: calendarOf(details)!.color }
            : {})}
          userEmail={userEmail}
          displayTimeZone={timeZone}
          canEdit={canEdit(details)}
          busy={rsvp.isPending || propose.isPending}
          onClose={ui.detailsClosed}
          onEdit={() => ui.editorOpened({ mode: 'edit', occurrenceId: details.id })}
          onDelete={() => remove(details)}
          onRsvp={(status, scope) => rsvp.mutate({ occurrence: details, status, scope, userEmail })}
          onPropose={(proposal, scope) => propose.mutate({ occurrence: details, scope, userEmail, proposal })}
        >
          <EventProposals
            event={details}
            proposals={pendingProposalsFor(proposals.data ?? [], details, userEmail)}
            displayTimeZone={timeZone}
            busy={answerProposal.isPending}
            onAnswer={(answer) => answerProposal.mutate(answer)}
            availability={{ accountId, userEmail }}
          />
          <OwnProposalStatus
            proposals={ownProposalsFor(proposals.data ?? [], details, userEmail)}
            displayTimeZone={timeZone}
          />
        </EventDetails>
      ) : null}
      {editorDraft ? (
        <EventEditor
          key={editor?.mode === 'edit' ? editor.occurrenceId : 'new'}
          open
          mode={editor?.mode ?? 'create'}
          initial={editorDraft}
          calendars={writable}
          saving={createEvent.isPending || updateEvent.isPending}
          onSave={submitEditor}
          onCancel={ui.editorClosed}
          findTime={{ accountId, userEmail }}
          {...(editing ? { onDelete: () => remove(editing) } : {})}
        />
      ) : null}
      <ScopeDialog
        open={pending !== null}
        action={pending?.action ?? 'edit'}
        onChoose={chooseScope}
        onCancel={cancelScope}
      />
    </div>
  );
}
