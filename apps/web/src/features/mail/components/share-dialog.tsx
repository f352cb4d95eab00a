import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '@colibri/ui';
import type { Id, MailboxRights } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { findPrincipals, usePrincipalSuggestions, useSetSharee, useSharees } from '../api/share-mailbox';
import type { SharePrincipal, Sharee } from '../api/share-mailbox';
import { SHARE_PRESETS, SHARE_RIGHTS, presetOf, presetRights, rightsOf } from '../lib/share-rights';
import type { SharePreset, ShareRight } from '../lib/share-rights';
import { sharingMessages } from '../sharing-messages';

export interface ShareDialogProps {
  accountId: Id;
  mailbox: { id: Id; name: string };
  onClose: () => void;
}

const who = (p: SharePrincipal) =>
  p.email && p.name && p.name !== p.email ? `${p.name} <${p.email}>` : (p.email ?? p.name);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * "Share…" of a folder (RFC 9670 §4 Mailbox shareWith): who has it and with which rights (change,
 * remove), and a form to add someone of the organisation (Principal/query as they type) with a
 * preset or a custom set of RFC 8621 §2 rights. A native modal <dialog>; Escape closes it.
 */
export function ShareDialog({ accountId, mailbox, onClose }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', ''); // jsdom
  }, []);
  const sharees = useSharees(accountId, mailbox.id);
  const setSharee = useSetSharee(accountId, mailbox.id);

  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{sharingMessages.shareTitle(mailbox.name)}</h2>
      <AddSharee
        accountId={accountId}
        onShare={(principal, rights) => setSharee.mutate({ principal, rights })}
      />
      <h3>{sharingMessages.sharedWith}</h3>
      {sharees.data?.length === 0 && <p>{sharingMessages.notShared}</p>}
      {sharees.data && sharees.data.length > 0 && (
        <ul className="share-dialog__sharees">
          {sharees.data.map((sharee) => (
            <ShareeRow
              key={sharee.id}
              sharee={sharee}
              onChange={(rights) => setSharee.mutate({ principal: sharee, rights })}
            />
          ))}
        </ul>
      )}
      <Button variant="secondary" onClick={() => ref.current?.close()}>
        {sharingMessages.close}
      </Button>
    </dialog>
  );
}

function ShareeRow({
  sharee,
  onChange,
}: {
  sharee: Sharee;
  onChange: (rights: MailboxRights | null) => void;
}) {
  const preset = presetOf(sharee.rights);
  const name = who(sharee);
  return (
    <li className="share-dialog__sharee">
      <span>{name}</span>
      <select
        aria-label={sharingMessages.accessOf(name)}
        value={preset ?? 'custom'}
        onChange={(event) => {
          const value = event.target.value as SharePreset | 'custom';
          if (value !== 'custom') onChange(presetRights(value));
        }}
      >
        {SHARE_PRESETS.map((p) => (
          <option key={p} value={p}>
            {sharingMessages.presets[p]}
          </option>
        ))}
        {preset === null && <option value="custom">{sharingMessages.presets.custom}</option>}
      </select>
      <Button variant="ghost" aria-label={sharingMessages.removeWho(name)} onClick={() => onChange(null)}>
        {sharingMessages.remove}
      </Button>
    </li>
  );
}

function AddSharee({
  accountId,
  onShare,
}: {
  accountId: Id;
  onShare: (principal: SharePrincipal, rights: MailboxRights) => void;
}) {
  const [text, setText] = useState('');
  const [granted, setGranted] = useState<ReadonlySet<ShareRight>>(() => new Set(['mayReadItems']));
  const client = useJmapClient();
  const suggestions = usePrincipalSuggestions(accountId, text);
  const { toastShown } = useToastActions();
  const listId = useId();
  const preset = presetOf(rightsOf(granted));

  const choosePreset = (value: string) => {
    if (value === 'custom') return;
    const rights = presetRights(value as SharePreset);
    setGranted(new Set(SHARE_RIGHTS.filter((right) => rights[right])));
  };
  const toggle = (right: ShareRight, on: boolean) =>
    setGranted((current) => {
      const next = new Set(current);
      if (on) next.add(right);
      else next.delete(right);
      return next;
    });

  // The person typed or picked: their address or name exactly, else the only one found.
  const pick = (found: readonly SharePrincipal[]) =>
    found.find((p) => (p.email !== null && same(p.email, text)) || same(p.name, text)) ??
    (found.length === 1 ? found[0] : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim();
    // The suggestions may lag behind what was typed (or pasted): then the server is asked now.
    const principal =
      pick(suggestions.data ?? []) ?? pick(await findPrincipals(client, accountId, wanted).catch(() => []));
    if (!principal) return toastShown({ tone: 'error', message: sharingMessages.unknownPerson(wanted) });
    onShare(principal, rightsOf(granted));
    setText('');
    return undefined;
  };

  return (
    <form className="share-dialog__add" onSubmit={(event) => void submit(event)}>
      <label>
        {sharingMessages.person}
        <input
          type="text"
          list={listId}
          value={text}
          required
          autoComplete="off"
          maxLength={255}
          placeholder={sharingMessages.personHint}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <datalist id={listId}>
        {(suggestions.data ?? []).map((p) => (
          <option key={p.id} value={p.email ?? p.name}>
            {p.name}
          </option>
        ))}
      </datalist>
      <label>
        {sharingMessages.access}
        <select value={preset ?? 'custom'} onChange={(event) => choosePreset(event.target.value)}>
          {SHARE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {sharingMessages.presets[p]}
            </option>
          ))}
          <option value="custom">{sharingMessages.presets.custom}</option>
        </select>
      </label>
      <fieldset className="share-dialog__rights">
        <legend>{sharingMessages.rightsLabel}</legend>
        {SHARE_RIGHTS.map((right) => (
          <label key={right}>
            <input
              type="checkbox"
              checked={granted.has(right)}
              onChange={(event) => toggle(right, event.target.checked)}
            />
            {sharingMessages.rights[right]}
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="primary" disabled={text.trim() === '' || granted.size === 0}>
        {sharingMessages.shareButton}
      </Button>
    </form>
  );
}
