import { useEffect, useState } from 'react';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { Capability } from '@colibri/jmap-types';
import type { EmailAddress, Id, Session } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { composeKeys } from './keys';

/** Cards asked for per keystroke pause: a datalist longer than this is not read. */
export const CONTACT_SUGGESTIONS = 8;
/** Typing pauses this long before contacts are asked. */
export const SUGGEST_DEBOUNCE_MS = 200;
/** The server's limit on `prefix` (packages/jmap-server contact-card query-args). */
const MAX_PREFIX = 200;

/**
 * Contacts for what is being typed: ContactCard/query with Colibri's `prefix` filter (a word of a
 * name or an address starting with the text) sorted by `recentlyUsed` (RFC 9610 §3.3, extended),
 * then ContactCard/get of their names and emails; one suggestion per address, in that order.
 */
export async function getContactSuggestions(
  client: JmapClient,
  accountId: Id,
  prefix: string,
  signal?: AbortSignal,
): Promise<EmailAddress[]> {
  const { cards } = await client.request((b) => {
    const query = b.call('ContactCard/query', {
      accountId,
      filter: { prefix },
      sort: [{ property: 'recentlyUsed', isAscending: true }],
      limit: CONTACT_SUGGESTIONS,
    });
    const cards = b.call('ContactCard/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: ['id', 'name', 'emails'],
    });
    return { query, cards };
  });
  // jmap-client takes no AbortSignal: a stale answer is dropped here instead of cached.
  signal?.throwIfAborted();
  const suggestions: EmailAddress[] = [];
  for (const card of cards.list) {
    const name = card.name?.full?.trim() || card.name?.components?.map((c) => c.value).join(' ') || null;
    const emails = Object.values(card.emails ?? {}).sort((a, b) => (a.pref ?? 101) - (b.pref ?? 101));
    for (const email of emails) suggestions.push({ name, email: email.address });
  }
  return suggestions;
}

export function contactSuggestionsQueryOptions(client: JmapClient, accountId: Id, prefix: string) {
  return queryOptions({
    queryKey: composeKeys.contactSuggestions(accountId, prefix),
    queryFn: ({ signal }) => getContactSuggestions(client, accountId, prefix, signal),
    staleTime: 30_000,
  });
}

/** Whether `address` fits what is typed: a word of its name or its address starts with it. */
export function addressMatches(address: EmailAddress, typed: string): boolean {
  const needle = typed.trim().toLowerCase();
  if (!needle) return true;
  const words = `${address.name ?? ''} ${address.email}`.toLowerCase().split(/[\s.@<>"'_-]+/);
  return address.email.toLowerCase().startsWith(needle) || words.some((word) => word.startsWith(needle));
}

/** Contacts first (ranked by the server), then the recent addresses that fit; each address once. */
export function mergeSuggestions(
  contacts: readonly EmailAddress[],
  recent: readonly EmailAddress[],
  typed: string,
): EmailAddress[] {
  const seen = new Set<string>();
  const merged: EmailAddress[] = [];
  for (const address of [...contacts, ...recent.filter((a) => addressMatches(a, typed))]) {
    const key = address.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(address);
  }
  return merged;
}

/** The account whose contacts are suggested (RFC 9610 §1.4), or null when the server has none. */
export const contactsAccountOf = (session: Session): Id | null =>
  (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Contacts] ?? null;

/**
 * The suggestions for the text being typed in a recipient field: contacts (debounced; a newer
 * text makes the older query stale, its answer dropped) merged with the recent addresses.
 */
export function useAddressSuggestions(
  contactsAccountId: Id | null,
  recent: readonly EmailAddress[],
  typed: string,
): EmailAddress[] {
  const client = useJmapClient();
  const [prefix, setPrefix] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setPrefix(typed.trim().slice(0, MAX_PREFIX)), SUGGEST_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const contacts = useQuery({
    ...contactSuggestionsQueryOptions(client, contactsAccountId ?? '', prefix),
    enabled: contactsAccountId !== null && prefix.length > 0,
    placeholderData: keepPreviousData,
  });
  return mergeSuggestions(prefix ? (contacts.data ?? []) : [], recent, typed);
}
