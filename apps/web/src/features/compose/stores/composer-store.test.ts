import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_OPEN_COMPOSERS, useComposerStore } from './composer-store';

const { actions } = useComposerStore.getState();

describe('composer store', () => {
  beforeEach(() => useComposerStore.setState({ composers: [] }));

  it('a new composer takes the screen and folds the others into docks', () => {
    const first = actions.composerOpened({ mode: 'new' });
    const second = actions.composerOpened({ mode: 'reply', emailId: 'E1' });
    const [a, b] = useComposerStore.getState().composers;
    expect([a?.id, a?.minimised]).toEqual([first, true]);
    expect([b?.id, b?.minimised, b?.sourceEmailId, b?.status]).toEqual([second, false, 'E1', 'loading']);
  });
  it('a new message opened with recipients (a contact\'s "Write a mail") starts addressed to them', () => {
    const to = [{ name: 'Zoé Q', email: 'zq@example.org' }];
    const id = actions.composerOpened({ mode: 'new', to });
    expect(useComposerStore.getState().composers.find((c) => c.id === id)?.content.to).toEqual(to);
  });
  it('opening a draft that is already open shows that composer instead of a second copy', () => {
    const id = actions.composerOpened({ mode: 'draft', emailId: 'D1', minimised: true });
    expect(actions.composerOpened({ mode: 'draft', emailId: 'D1' })).toBe(id);
    expect(useComposerStore.getState().composers).toHaveLength(1);
    expect(useComposerStore.getState().composers[0]?.minimised).toBe(false);
  });
  it(`keeps at most ${MAX_OPEN_COMPOSERS} composers, closing the oldest docked one`, () => {
    const ids = Array.from({ length: MAX_OPEN_COMPOSERS + 1 }, () => actions.composerOpened({ mode: 'new' }));
    const open = useComposerStore.getState().composers.map((c) => c.id);
    expect(open).toHaveLength(MAX_OPEN_COMPOSERS);
    expect(open).not.toContain(ids[0]);
  });
  it('edits bump the revision; upload progress does not, the end of an upload does', () => {
    const id = actions.composerOpened({ mode: 'new' });
    actions.contentEdited(id, { subject: 'Hi' });
    const file = {
      localId: 'f',
      name: 'a',
      type: 'text/plain',
      size: 1,
      blobId: null,
      status: 'uploading' as const,
    };
    actions.attachmentAdded(id, { ...file, progress: 0, error: null, cid: null });
    const revision = () => useComposerStore.getState().composers[0]!.revision;
    expect(revision()).toBe(2);
    actions.attachmentChanged(id, 'f', { progress: 0.5 });
    expect(revision()).toBe(2);
    actions.attachmentChanged(id, 'f', { status: 'done', blobId: 'B' });
    expect(revision()).toBe(3);
  });
});
