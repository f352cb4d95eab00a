import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { ContactCard, ContactCardFilterCondition, FilterOperator, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { CardListParams } from './keys';
import { contactsKeys } from './keys';

/** Rows per ContactCard/query window (RFC 8620 §5.5 position/limit). */
export const PAGE_SIZE = 100;
/** Explicit limit on a group filter: one OR of uid conditions per member. */
export const MAX_GROUP_FILTER = 1000;

type Filter = ContactCardFilterCondition | FilterOperator<ContactCardFilterCondition>;

/**
 * RFC 9610 §3.3 filter of a list: the book (or every writable one), the text, the group's members (an OR of `uid`), and
 * never the groups themselves (they are in the side pane). Null when nothing can match.
 */
export function cardListFilter(params: CardListParams): Filter | null {
  const conditions: Filter[] = [{ operator: 'NOT', conditions: [{ kind: 'group' }] }];
  if (params.addressBookId) conditions.push({ inAddressBook: params.addressBookId });
  else if (params.readOnlyBookIds.length > 0)
    conditions.push({
      operator: 'NOT',
      conditions: params.readOnlyBookIds.map((id) => ({ inAddressBook: id })),
    });
  if (params.text.trim()) conditions.push({ text: params.text.trim() });
  if (params.memberUids) {
    if (params.memberUids.length === 0) return null;
    conditions.push({
      operator: 'OR',
      conditions: params.memberUids.slice(0, MAX_GROUP_FILTER).map((uid) => ({ uid })),
    });
  }
  return { operator: 'AND', conditions };
}

export interface CardPage {
  /** The cards at positions `page * PAGE_SIZE` onwards. */
  cards: ContactCard[];
  total: number;
}

/** One window of the list: ContactCard/query + ContactCard/get by back-reference (RFC 8620 §3.7). */
export async function getCardPage(
  client: JmapClient,
  accountId: Id,
  params: CardListParams,
  page: number,
): Promise<CardPage> {
  const filter = cardListFilter(params);
  if (!filter) return { cards: [], total: 0 };
  const { query, cards } = await client.request((b) => {
    const query = b.call('ContactCard/query', {
      accountId,
      filter,
      position: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      calculateTotal: true,
    });
    const cards = b.call('ContactCard/get', { accountId, ids: ref(query, '/ids') });
    return { query, cards };
  });
  // /get answers in any order (RFC 8620 §5.1): put the cards back in the query's order.
  const byId = new Map(cards.list.map((card) => [card.id, card as ContactCard]));
  return {
    cards: query.ids.flatMap((id) => byId.get(id) ?? []),
    total: query.total ?? query.ids.length,
  };
}

export function cardPageQueryOptions(
  client: JmapClient,
  accountId: Id,
  params: CardListParams,
  page: number,
) {
  return queryOptions({
    queryKey: contactsKeys.listPage(accountId, params, page),
    queryFn: () => getCardPage(client, accountId, params, page),
  });
}

/** The first window; its total sizes the virtualised list. */
export function useCardListHead(accountId: Id, params: CardListParams) {
  const client = useJmapClient();
  return useQuery({
    ...cardPageQueryOptions(client, accountId, params, 0),
    placeholderData: keepPreviousData,
  });
}

/** The windows covering rows `start..end`, fetched as they come into view. */
export function useCardRows(accountId: Id, params: CardListParams, start: number, end: number) {
  const client = useJmapClient();
  const pages: number[] = [];
  if (end >= start)
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) pages.push(p);
  const results = useQueries({
    queries: pages.map((page) => cardPageQueryOptions(client, accountId, params, page)),
  });
  return (index: number): ContactCard | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const at = pages.indexOf(page);
    return at < 0 ? undefined : results[at]?.data?.cards[index - page * PAGE_SIZE];
  };
}

/** Explicit limit on the groups in the side pane. */
export const MAX_GROUPS = 500;

/** The account's groups (RFC 9553 §2.1.4 kind `group`), with their members, by name. */
export async function getGroups(client: JmapClient, accountId: Id): Promise<ContactCard[]> {
  const { cards } = await client.request((b) => {
    const query = b.call('ContactCard/query', { accountId, filter: { kind: 'group' }, limit: MAX_GROUPS });
    const cards = b.call('ContactCard/get', { accountId, ids: ref(query, '/ids') });
    return { cards };
  });
  return cards.list as ContactCard[];
}

export function groupsQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: contactsKeys.groups(accountId),
    queryFn: () => getGroups(client, accountId),
  });
}

export function useGroups(accountId: Id) {
  return useQuery(groupsQueryOptions(useJmapClient(), accountId));
}

/** One card in full (RFC 9610 §3.1), or null when it is gone. */
export async function getCard(client: JmapClient, accountId: Id, id: Id): Promise<ContactCard | null> {
  const { list } = await client.call('ContactCard/get', { accountId, ids: [id] });
  return (list[0] as ContactCard | undefined) ?? null;
}

export function cardQueryOptions(client: JmapClient, accountId: Id, id: Id) {
  return queryOptions({
    queryKey: contactsKeys.card(accountId, id),
    queryFn: () => getCard(client, accountId, id),
  });
}

export function useCard(accountId: Id, id: Id | null) {
  const client = useJmapClient();
  return useQuery({ ...cardQueryOptions(client, accountId, id ?? ''), enabled: id !== null });
}
