import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ContactCard, Id } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import { useJmapClient } from '../../../lib/jmap';
import { getAllCards } from '../api/export-cards';
import { contactsKeys } from '../api/keys';
import { cardToDraft } from '../lib/card-draft';
import { cardDisplayName } from '../lib/card-format';
import { cardToKeep, findDuplicatePairs } from '../lib/merge-cards';
import { contactsMessages } from '../messages';
import { ContactAvatar } from './contact-avatar';

const t = contactsMessages;

function Side({ card, label }: { card: ContactCard; label: string }) {
  const draft = cardToDraft(card);
  const name = cardDisplayName(card) || t.noName;
  return (
    <article className="contacts-merge__card" aria-label={label}>
      <h3>{label}</h3>
      <ContactAvatar card={card} name={name} email={draft.emails[0]?.address ?? ''} />
      <p>
        <bdi className="contacts-merge__name">{name}</bdi>
      </p>
      {[draft.title, draft.organization].some(Boolean) ? (
        <p>{[draft.title, draft.organization].filter(Boolean).join(' · ')}</p>
      ) : null}
      <ul>
        {draft.emails.map((e) => (
          <li key={`e-${e.key}`}>{e.address}</li>
        ))}
        {draft.phones.map((p) => (
          <li key={`p-${p.key}`}>{p.number}</li>
        ))}
        {draft.addresses.map((a) => (
          <li key={`a-${a.key}`}>
            {[a.street, a.postcode, a.locality, a.country].filter(Boolean).join(', ')}
          </li>
        ))}
      </ul>
    </article>
  );
}

export interface DuplicatesPanelProps {
  accountId: Id;
  /** The book searched, or null for every writable book. */
  addressBookId: Id | null;
  readOnlyBookIds: readonly Id[];
  pageSize: number;
  merging: boolean;
  onMerge: (keep: ContactCard, other: ContactCard) => void;
  onClose: () => void;
}

/**
 * Merge duplicates: the likely pairs of the book (lib/merge-cards: same email, or same name), one
 * at a time side by side; "Merge" keeps the left card with the right one's details added and
 * deletes the right one (with Undo), "Not duplicates" goes to the next pair.
 */
export function DuplicatesPanel(props: DuplicatesPanelProps) {
  const { accountId, addressBookId, readOnlyBookIds, pageSize, merging, onMerge, onClose } = props;
  const client = useJmapClient();
  const cards = useQuery({
    queryKey: contactsKeys.every(accountId, addressBookId),
    queryFn: () => getAllCards(client, accountId, addressBookId, pageSize, readOnlyBookIds),
  });
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [swapped, setSwapped] = useState(false);
  const pairs = useMemo(
    () => findDuplicatePairs(cards.data ?? []).filter((p) => !skipped.has(`${p.a.id} ${p.b.id}`)),
    [cards.data, skipped],
  );
  const pair = pairs[0];
  const chosen = pair ? cardToKeep(pair.a, pair.b) : null;
  const [keep, other] = chosen ? (swapped ? [chosen.other, chosen.keep] : [chosen.keep, chosen.other]) : [];
  return (
    <section className="contacts-merge" role="dialog" aria-labelledby="contacts-merge-title">
      <h2 id="contacts-merge-title">{t.duplicatesTitle}</h2>
      {cards.isPending ? <p role="status">{t.duplicatesSearching}</p> : null}
      {cards.isError ? <p role="alert">{t.loadError}</p> : null}
      {cards.isSuccess && !pair ? <p role="status">{t.noDuplicates}</p> : null}
      {pair && keep && other ? (
        <>
          <p role="status">
            {t.duplicatesCount(pairs.length)} {pair.reason === 'email' ? t.sameEmail : t.sameName}
          </p>
          <div className="contacts-merge__pair">
            <Side card={keep} label={t.mergeKeep} />
            <Side card={other} label={t.mergeRemove} />
          </div>
          <div className="contacts-merge__buttons">
            <Button
              variant="primary"
              disabled={merging}
              aria-busy={merging || undefined}
              onClick={() => {
                setSwapped(false);
                onMerge(keep, other);
              }}
            >
              {t.merge}
            </Button>
            <Button onClick={() => setSwapped((s) => !s)}>{t.mergeSwap}</Button>
            <Button
              onClick={() => {
                setSwapped(false);
                setSkipped((s) => new Set(s).add(`${pair.a.id} ${pair.b.id}`));
              }}
            >
              {t.notDuplicates}
            </Button>
          </div>
        </>
      ) : null}
      <Button variant="ghost" onClick={onClose}>
        {t.close}
      </Button>
    </section>
  );
}
