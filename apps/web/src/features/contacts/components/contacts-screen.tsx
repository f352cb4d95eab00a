import { useState } from 'react';
import type { Id, Session } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import { useOptionalComposeLauncher } from '../../../lib/compose-launcher';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { getAllCards } from '../api/export-cards';
import { useAddressBooks } from '../api/get-address-books';
import { useSharedBooks } from '../api/get-shared-books';
import { useGroups } from '../api/query-cards';
import type { CardListParams } from '../api/keys';
import { useCardMutations } from '../hooks/use-card-mutations';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useVcfImport } from '../hooks/use-vcf-import';
import { cardDisplayName } from '../lib/card-format';
import { cardsToVcf, downloadText, vcfFileName } from '../lib/vcf-export';
import { contactsMessages } from '../messages';
import {
  useContactsActions,
  useContactsPane,
  useContactsScope,
  useContactsSearch,
} from '../stores/contacts-ui-store';
import { CardList } from './card-list';
import { CardPane } from './card-pane';
import { ContactsSidebar, selectedBookId, selectedGroup } from './contacts-sidebar';
import { DuplicatesPanel } from './duplicates-panel';
import { ImportPanel } from './import-panel';

/** A search runs when typing pauses this long. */
const SEARCH_DEBOUNCE_MS = 250;

/** The contacts screen: side pane (books, groups), search and list, and the card, editor or import. */
export function ContactsScreen({
  session,
  accountId,
  pageSize,
  batchSize,
}: {
  session: Session;
  accountId: Id;
  pageSize: number;
  batchSize: number;
}) {
  const client = useJmapClient();
  const books = useAddressBooks(accountId, contactsMessages.locale);
  const groups = useGroups(accountId);
  const scope = useContactsScope();
  const search = useContactsSearch();
  const pane = useContactsPane();
  const actions = useContactsActions();
  const shared = useSharedBooks(session, accountId, contactsMessages.locale);
  // A book shared by another account (RFC 9670) is read and written in that account.
  const listAccountId = scope.kind === 'book' && scope.accountId ? scope.accountId : accountId;
  const sharedBook =
    scope.kind === 'book' && scope.accountId
      ? shared.find((a) => a.accountId === scope.accountId)?.books.find((b) => b.id === scope.id)
      : undefined;
  const readOnly = sharedBook ? !sharedBook.myRights.mayWrite : false;
  const ownAccount = listAccountId === accountId;
  const mutations = useCardMutations(listAccountId);
  const vcfImport = useVcfImport(accountId, batchSize);
  const { toastShown } = useToastActions();
  const openComposer = useOptionalComposeLauncher();
  const [exporting, setExporting] = useState(false);
  const text = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);

  const group = selectedGroup(scope, groups.data ?? []);
  const readOnlyBookIds = (books.data ?? []).filter((b) => !b.myRights.mayWrite).map((b) => b.id);
  const params: CardListParams = {
    addressBookId: selectedBookId(scope),
    readOnlyBookIds,
    memberUids: scope.kind === 'group' ? Object.keys(group?.members ?? {}) : null,
    text,
  };

  const addToGroup = (groupId: Id, memberUid: string) => {
    const target = groups.data?.find((g) => g.id === groupId);
    if (!target || target.members?.[memberUid] === true) return;
    mutations.membership.mutate(
      { groupId, memberUid, isMember: true },
      {
        onSuccess: () =>
          toastShown({
            tone: 'info',
            message: contactsMessages.addedToGroup(cardDisplayName(target) || contactsMessages.noName),
          }),
      },
    );
  };

  const exportBook = async () => {
    const bookId = selectedBookId(scope);
    const book = books.data?.find((b) => b.id === bookId);
    setExporting(true);
    try {
      // A selected group exports its members only, in a file named after it.
      const memberUids = group
        ? Object.keys(group.members ?? {}).filter((uid) => group.members?.[uid])
        : null;
      const cards = await getAllCards(client, listAccountId, bookId, pageSize, readOnlyBookIds, memberUids);
      const name = group ? cardDisplayName(group) : book?.name;
      downloadText(cardsToVcf(cards), vcfFileName(name || contactsMessages.allContacts));
    } catch {
      toastShown({ tone: 'error', message: contactsMessages.exportError });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="contacts-page">
      <aside className="contacts-page__side">
        <ContactsSidebar
          books={books.data ?? []}
          shared={shared}
          groups={groups.data ?? []}
          scope={scope}
          onScopeChange={actions.scopeChosen}
          onCreateGroup={(name) => mutations.createGroup.mutate(name)}
          onDropOnGroup={(groupId, memberUid) => addToGroup(groupId, memberUid)}
          onImport={() => {
            vcfImport.reset();
            actions.importOpened();
          }}
          onExport={() => void exportBook()}
          exporting={exporting}
        />
      </aside>
      <main className="contacts-page__main">
        <div className="contacts-toolbar">
          <h1 className="contacts-toolbar__title">{contactsMessages.listLabel}</h1>
          <input
            type="search"
            className="contacts-toolbar__search"
            aria-label={contactsMessages.search}
            placeholder={contactsMessages.search}
            value={search}
            onChange={(event) => actions.searchChanged(event.target.value)}
          />
          {group ? (
            <Button
              onClick={() => {
                // The members stay; only the group card goes (Undo brings it back with them).
                actions.scopeChosen({ kind: 'all' });
                mutations.remove.mutate(group);
              }}
            >
              {contactsMessages.deleteGroup(cardDisplayName(group) || contactsMessages.noName)}
            </Button>
          ) : null}
          {scope.kind !== 'group' && ownAccount ? (
            <Button onClick={actions.duplicatesOpened}>{contactsMessages.findDuplicates}</Button>
          ) : null}
          {readOnly ? (
            <span className="contacts-toolbar__note">{contactsMessages.readOnlyBook}</span>
          ) : (
            <Button variant="primary" onClick={() => actions.editorOpened(null)}>
              {contactsMessages.newContact}
            </Button>
          )}
        </div>
        {books.isError || groups.isError ? (
          <div role="alert">
            <p>{contactsMessages.loadError}</p>
            <Button onClick={() => void Promise.all([books.refetch(), groups.refetch()])}>
              {contactsMessages.retry}
            </Button>
          </div>
        ) : null}
        <CardList
          accountId={listAccountId}
          params={params}
          selectedId={pane.kind === 'card' ? pane.id : null}
          onOpen={actions.cardOpened}
        />
      </main>
      {pane.kind === 'none' ? null : (
        <section className="contacts-page__pane">
          {pane.kind === 'import' ? (
            <ImportPanel
              books={books.data ?? []}
              initialBookId={selectedBookId(scope)}
              state={vcfImport.state}
              onStart={(file, bookId) => void vcfImport.start(file, bookId)}
              onStop={vcfImport.stop}
              onClose={actions.paneClosed}
            />
          ) : pane.kind === 'duplicates' ? (
            <DuplicatesPanel
              key={selectedBookId(scope) ?? 'all'}
              accountId={accountId}
              addressBookId={selectedBookId(scope)}
              readOnlyBookIds={readOnlyBookIds}
              pageSize={pageSize}
              merging={mutations.merge.isPending}
              onMerge={(keep, other) => mutations.merge.mutate({ keep, other, groups: groups.data ?? [] })}
              onClose={actions.paneClosed}
            />
          ) : (
            <CardPane
              key={`${listAccountId}-${pane.kind}-${pane.id ?? 'new'}`}
              accountId={listAccountId}
              pane={pane}
              readOnly={readOnly}
              groups={ownAccount ? (groups.data ?? []) : []}
              defaultBookId={selectedBookId(scope)}
              mutations={mutations}
              openComposer={openComposer}
            />
          )}
        </section>
      )}
    </div>
  );
}
