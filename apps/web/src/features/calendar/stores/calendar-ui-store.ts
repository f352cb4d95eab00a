import { create } from 'zustand';
import type { Id } from '@colibri/jmap-types';
import type { EventDraft } from '../lib/event-draft';

export type CalendarView = 'month' | 'week' | 'day' | 'agenda';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week', 'day', 'agenda'];

const VIEW_KEY = 'colibri.calendar.view';

function rememberedView(): CalendarView {
  try {
    const value = globalThis.localStorage?.getItem(VIEW_KEY);
    return CALENDAR_VIEWS.find((v) => v === value) ?? 'week';
  } catch {
    return 'week';
  }
}

/** The editor: a new event, or an existing occurrence (its id in the range cache). */
export type EditorState = { mode: 'create'; draft: EventDraft } | { mode: 'edit'; occurrenceId: Id } | null;

/**
 * UI state of the calendar screen (STYLE 19): the view, the open details and editor. Events and
 * calendars are server state (TanStack Query); the visible range comes from FullCalendar.
 */
interface CalendarUiState {
  view: CalendarView;
  /** The occurrence whose details are shown. */
  detailsId: Id | null;
  editor: EditorState;
  actions: {
    viewChosen: (view: CalendarView) => void;
    detailsOpened: (id: Id) => void;
    detailsClosed: () => void;
    editorOpened: (editor: NonNullable<EditorState>) => void;
    editorClosed: () => void;
  };
}

export const useCalendarUiStore = create<CalendarUiState>()((set) => ({
  view: rememberedView(),
  detailsId: null,
  editor: null,
  actions: {
    viewChosen: (view) => {
      try {
        globalThis.localStorage?.setItem(VIEW_KEY, view);
      } catch {
        // Not remembered across reloads; the choice still holds for this visit.
      }
      set({ view });
    },
    detailsOpened: (id) => set({ detailsId: id }),
    detailsClosed: () => set({ detailsId: null }),
    editorOpened: (editor) => set({ editor, detailsId: null }),
    editorClosed: () => set({ editor: null }),
  },
}));

export const useCalendarView = () => useCalendarUiStore((s) => s.view);
export const useDetailsId = () => useCalendarUiStore((s) => s.detailsId);
export const useEditorState = () => useCalendarUiStore((s) => s.editor);
export const useCalendarUiActions = () => useCalendarUiStore((s) => s.actions);
