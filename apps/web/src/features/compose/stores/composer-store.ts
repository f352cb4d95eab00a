import { create } from 'zustand';
import type { ComposeRequest } from '../../../lib/compose-launcher';
import type { Id } from '@colibri/jmap-types';
import { emptyContent } from '../lib/draft';
import type { ComposeMode, DraftAttachment, DraftContent } from '../lib/draft';

/** How a composer is opened: a new message, an answer or forward of an email, or a saved draft. */
export type OpenComposerRequest = ComposeRequest;

/** One open composer: the UI state of a message being written (STYLE 19). */
export interface Composer {
  id: string;
  mode: ComposeMode;
  /** The email answered or forwarded. */
  sourceEmailId: Id | null;
  /** Its account, when another person's shared with the user (RFC 9670); else the user's own. */
  sourceAccountId?: Id | null;
  /** Loading: the source or draft is being read; ready: editable. */
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  minimised: boolean;
  content: DraftContent;
  /** Bumped by every edit; the draft on the server holds `savedRevision`. */
  revision: number;
  savedRevision: number;
  /** The saved draft on the server (replaced at each save: an Email never changes). */
  draftEmailId: Id | null;
  saving: boolean;
  sending: boolean;
  /** Changed when the body is replaced from outside the editor (identity, format), to reload it. */
  bodyKey: number;
}

/** More open composers than this is more than a screen can hold; the oldest minimised closes first. */
export const MAX_OPEN_COMPOSERS = 6;

interface ComposerStore {
  composers: Composer[];
  actions: {
    composerOpened: (request: OpenComposerRequest) => string;
    composerLoaded: (id: string, content: DraftContent) => void;
    composerLoadFailed: (id: string, error: string) => void;
    contentEdited: (id: string, patch: Partial<DraftContent>, options?: { replaceBody?: boolean }) => void;
    attachmentAdded: (id: string, attachment: DraftAttachment) => void;
    attachmentChanged: (id: string, localId: string, patch: Partial<DraftAttachment>) => void;
    attachmentRemoved: (id: string, localId: string) => void;
    draftSaving: (id: string) => void;
    draftSaved: (id: string, emailId: Id | null, revision: number) => void;
    draftSaveFailed: (id: string, error: string) => void;
    sendStarted: (id: string) => void;
    sendFailed: (id: string, error: string, draftEmailId?: Id | null) => void;
    composerMinimised: (id: string, minimised: boolean) => void;
    composerClosed: (id: string) => void;
  };
}

let nextId = 1;
const newComposerId = () => `composer-${Date.now().toString(36)}-${nextId++}`;

function newComposer(request: OpenComposerRequest): Composer {
  return {
    id: newComposerId(),
    mode: request.mode === 'draft' ? 'new' : request.mode,
    sourceEmailId:
      request.mode === 'reply' || request.mode === 'replyAll' || request.mode === 'forward'
        ? request.emailId
        : null,
    sourceAccountId:
      (request.mode === 'reply' || request.mode === 'replyAll' || request.mode === 'forward'
        ? request.sourceAccountId
        : undefined) ?? null,
    // Even a new message waits for the account: its identity and signature.
    status: 'loading',
    error: null,
    minimised: request.mode === 'draft' ? (request.minimised ?? false) : false,
    // A new message addressed by the caller keeps its recipients through loading (use-composer-loader).
    content: request.mode === 'new' && request.to ? { ...emptyContent, to: request.to } : emptyContent,
    revision: 0,
    savedRevision: 0,
    draftEmailId: request.mode === 'draft' ? request.emailId : null,
    saving: false,
    sending: false,
    bodyKey: 0,
  };
}

export const useComposerStore = create<ComposerStore>()((set) => {
  const update = (id: string, change: (composer: Composer) => Partial<Composer>) =>
    set((state) => ({
      composers: state.composers.map((c) => (c.id === id ? { ...c, ...change(c) } : c)),
    }));
  const edit = (id: string, change: (content: DraftContent) => Partial<DraftContent>) =>
    update(id, (c) => ({ content: { ...c.content, ...change(c.content) }, revision: c.revision + 1 }));
  return {
    composers: [],
    actions: {
      composerOpened: (request) => {
        const composer = newComposer(request);
        set((state) => {
          // The same draft twice would be saved over itself: show the open one instead.
          const same =
            request.mode === 'draft'
              ? state.composers.find((c) => c.draftEmailId === request.emailId)
              : undefined;
          if (same) {
            composer.id = same.id;
            return { composers: state.composers.map((c) => (c === same ? { ...c, minimised: false } : c)) };
          }
          const composers = [...state.composers, composer];
          if (composers.length > MAX_OPEN_COMPOSERS) {
            const oldest = composers.findIndex((c) => c.minimised);
            composers.splice(oldest === -1 ? 0 : oldest, 1);
          }
          // A new composer takes the screen; the others fold into docks.
          return { composers: composers.map((c) => (c === composer ? c : { ...c, minimised: true })) };
        });
        return composer.id;
      },
      composerLoaded: (id, content) =>
        update(id, (c) => ({ status: 'ready', content, bodyKey: c.bodyKey + 1, error: null })),
      composerLoadFailed: (id, error) => update(id, () => ({ status: 'error', error })),
      contentEdited: (id, patch, options) =>
        update(id, (c) => ({
          content: { ...c.content, ...patch },
          revision: c.revision + 1,
          ...(options?.replaceBody ? { bodyKey: c.bodyKey + 1 } : {}),
        })),
      attachmentAdded: (id, attachment) =>
        edit(id, (content) => ({ attachments: [...content.attachments, attachment] })),
      attachmentChanged: (id, localId, patch) =>
        // Progress is not an edit worth saving; the end of an upload is.
        update(id, (c) => ({
          content: {
            ...c.content,
            attachments: c.content.attachments.map((a) => (a.localId === localId ? { ...a, ...patch } : a)),
          },
          revision: patch.status === 'done' ? c.revision + 1 : c.revision,
        })),
      attachmentRemoved: (id, localId) =>
        edit(id, (content) => ({ attachments: content.attachments.filter((a) => a.localId !== localId) })),
      draftSaving: (id) => update(id, () => ({ saving: true })),
      draftSaved: (id, emailId, revision) =>
        update(id, (c) => ({
          saving: false,
          draftEmailId: emailId,
          savedRevision: Math.max(c.savedRevision, revision),
          error: null,
        })),
      draftSaveFailed: (id, error) => update(id, () => ({ saving: false, error })),
      sendStarted: (id) => update(id, () => ({ sending: true, error: null })),
      sendFailed: (id, error, draftEmailId) =>
        update(id, (c) => ({
          sending: false,
          error,
          ...(draftEmailId === undefined ? {} : { draftEmailId, savedRevision: c.revision }),
        })),
      composerMinimised: (id, minimised) => update(id, () => ({ minimised })),
      composerClosed: (id) => set((state) => ({ composers: state.composers.filter((c) => c.id !== id) })),
    },
  };
});

export const useComposers = () => useComposerStore((state) => state.composers);
export const useComposer = (id: string) =>
  useComposerStore((state) => state.composers.find((c) => c.id === id));
export const useComposerActions = () => useComposerStore((state) => state.actions);

/**
 * Opens a composer: `{ mode: 'new' }`, or `{ mode: 'reply' | 'replyAll' | 'forward', emailId }`
 * for the reader's actions, or `{ mode: 'draft', emailId }` to edit a saved draft.
 */
export function useOpenComposer(): (request: OpenComposerRequest) => string {
  return useComposerStore((state) => state.actions.composerOpened);
}
