import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EmailAddress } from '@colibri/jmap-types';
import type { AddToContacts } from '../../../lib/contacts-launcher';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { contactsAccountQueryOptions } from '../api/get-account';
import { contactsKeys } from '../api/keys';
import { createCard } from '../api/write-cards';
import { contactsMessages } from '../messages';

/** The card for an address: its display name as the full name (RFC 9553 §2.2.1), the address. */
export function cardForAddress(address: EmailAddress) {
  const name = address.name?.trim();
  return {
    '@type': 'Card' as const,
    version: '1.0',
    kind: 'individual',
    ...(name ? { name: { '@type': 'Name', full: name } } : {}),
    emails: { e1: { '@type': 'EmailAddress', address: address.email } },
  };
}

/**
 * "Add to contacts" for an address seen elsewhere (the reader's sender), in one click: a card in
 * the default address book (RFC 9610 §3: no addressBookIds), unless a card has that address.
 */
export function useAddToContacts(): AddToContacts {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();
  return useCallback(
    async (address: EmailAddress) => {
      const who = address.name || address.email;
      try {
        const { accountId } = await queryClient.fetchQuery(contactsAccountQueryOptions(client));
        if (!accountId) throw new Error(contactsMessages.unavailable);
        // RFC 9610 §3.3 `email` matches a card with that address (contained, case-insensitive).
        const { ids } = await client.call('ContactCard/query', {
          accountId,
          filter: { email: address.email },
          limit: 50,
        });
        if (ids.length > 0) {
          const { list } = await client.call('ContactCard/get', { accountId, ids, properties: ['emails'] });
          const exact = list.some((card) =>
            Object.values(card.emails ?? {}).some(
              (e) => e.address.toLowerCase() === address.email.toLowerCase(),
            ),
          );
          if (exact) {
            toastShown({ tone: 'info', message: contactsMessages.alreadyInContacts(who) });
            return;
          }
        }
        await createCard(client, accountId, cardForAddress(address));
        await queryClient.invalidateQueries({ queryKey: contactsKeys.type(accountId, 'ContactCard') });
        toastShown({ tone: 'info', message: contactsMessages.addedToContacts(who) });
      } catch (error) {
        toastShown({
          tone: 'error',
          message: contactsMessages.failed(error instanceof Error ? error.message : String(error)),
        });
      }
    },
    [client, queryClient, toastShown],
  );
}
