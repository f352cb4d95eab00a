import { queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id, SearchSnippet } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { EmailFilter } from '../lib/parse-search-query';
import { searchKeys } from './keys';

export const SEARCH_RESULT_PROPERTIES = [
  'id',
  'threadId',
  'mailboxIds',
  'keywords',
  'from',
  'subject',
  'preview',
  'receivedAt',
  'hasAttachment',
] as const;
export type SearchResultEmail = Pick<Email, (typeof SEARCH_RESULT_PROPERTIES)[number]>;

export interface SearchResult {
  email: SearchResultEmail;
  /** Subject and preview with the matches in <mark> (RFC 8621 §5), when the filter had text. */
  snippet: SearchSnippet | undefined;
}

export interface SearchResults {
  results: SearchResult[];
  total: number | null;
}

/** Results shown for one search: the newest ones (a limit the page states). */
export const SEARCH_LIMIT = 100;

/**
 * One search in one request: Email/query (RFC 8621 §4.4) newest first, Email/get of the ids and
 * SearchSnippet/get (§5.1) with the same filter, both through result references (RFC 8620 §3.7).
 */
export async function searchEmails(
  client: JmapClient,
  accountId: Id,
  filter: EmailFilter,
): Promise<SearchResults> {
  const { query, emails, snippets } = await client.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter,
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: SEARCH_LIMIT,
      calculateTotal: true,
    });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: [...SEARCH_RESULT_PROPERTIES],
    });
    const snippets = b.call('SearchSnippet/get', { accountId, filter, emailIds: ref(query, '/ids') });
    return { query, emails, snippets };
  });
  const byId = new Map(emails.list.map((email) => [email.id, email as SearchResultEmail]));
  const snippetById = new Map(snippets.list.map((snippet) => [snippet.emailId, snippet]));
  return {
    results: query.ids.flatMap((id) => {
      const email = byId.get(id);
      return email ? [{ email, snippet: snippetById.get(id) }] : [];
    }),
    total: query.total ?? null,
  };
}

export function searchQueryOptions(client: JmapClient, accountId: Id, filter: EmailFilter) {
  return queryOptions({
    queryKey: searchKeys.results(accountId, filter),
    queryFn: () => searchEmails(client, accountId, filter),
  });
}

export function useSearchEmails(accountId: Id, filter: EmailFilter) {
  const client = useJmapClient();
  return useQuery(searchQueryOptions(client, accountId, filter));
}
