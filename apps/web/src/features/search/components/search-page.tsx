import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Id } from '@colibri/jmap-types';
import { PageStatus } from '../../../components/page-status';
import { useSearchContext } from '../api/get-search-context';
import { useSearchEmails } from '../api/search-emails';
import { parseSearchQuery } from '../lib/parse-search-query';
import type { EmailFilter, SearchMailbox } from '../lib/parse-search-query';
import { searchMessages } from '../messages';
import { SearchResultItem } from './search-result-item';
import '../search.css';

export interface SearchPageProps {
  /** The reader for an opened result (the app passes mail's conversation reader). */
  renderReader: (emailId: Id | undefined, onBack: () => void) => ReactNode;
}

/** `/search/:emailId?` with `?q=…&in=…`: the results of a search beside the reader. */
export function SearchPage({ renderReader }: SearchPageProps) {
  const [params] = useSearchParams();
  const { emailId } = useParams();
  const navigate = useNavigate();
  const query = params.get('q') ?? '';
  const scopeMailboxId = params.get('in');
  const { accountId, mailboxes, isPending, error } = useSearchContext();
  const parsed = useMemo(
    () => (mailboxes ? parseSearchQuery(query, { mailboxes, scopeMailboxId }) : null),
    [query, mailboxes, scopeMailboxId],
  );
  const search = params.toString();
  const open = (id: Id | undefined) =>
    navigate(`/search${id ? `/${encodeURIComponent(id)}` : ''}?${search}`, { replace: Boolean(emailId) });

  let results: ReactNode;
  if (isPending) results = <PageStatus>{searchMessages.loading}</PageStatus>;
  else if (error || !accountId || !parsed || !mailboxes)
    results = <PageStatus tone="error">{searchMessages.error}</PageStatus>;
  else
    results = (
      <>
        {parsed.problems.length > 0 && (
          <ul className="search-page__problems" role="status">
            {parsed.problems.map((problem, index) => (
              <li key={index}>{searchMessages.problem(problem)}</li>
            ))}
          </ul>
        )}
        {parsed.filter ? (
          <SearchResultList
            accountId={accountId}
            filter={parsed.filter}
            mailboxes={mailboxes}
            selectedId={emailId}
            onOpen={open}
          />
        ) : (
          parsed.problems.length === 0 && <PageStatus>{searchMessages.nothingToSearch}</PageStatus>
        )}
      </>
    );

  return (
    <div className="search-page" data-reader-open={emailId ? true : undefined}>
      <section className="search-page__results" aria-labelledby="search-results-heading">
        <h1 id="search-results-heading" className="search-page__heading">
          {searchMessages.resultsHeading(query)}
        </h1>
        {results}
      </section>
      {renderReader(emailId, () => open(undefined))}
    </div>
  );
}

function SearchResultList({
  accountId,
  filter,
  mailboxes,
  selectedId,
  onOpen,
}: {
  accountId: Id;
  filter: EmailFilter;
  mailboxes: readonly SearchMailbox[];
  selectedId: Id | undefined;
  onOpen: (id: Id) => void;
}) {
  const search = useSearchEmails(accountId, filter);
  if (search.isPending) return <PageStatus>{searchMessages.loading}</PageStatus>;
  if (search.isError) return <PageStatus tone="error">{searchMessages.error}</PageStatus>;
  const { results, total } = search.data;
  if (results.length === 0) return <PageStatus>{searchMessages.empty}</PageStatus>;
  return (
    <>
      <p className="search-page__count">{searchMessages.resultCount(results.length, total)}</p>
      <ul className="search-page__list" aria-label={searchMessages.resultsLabel}>
        {results.map((result) => (
          <SearchResultItem
            key={result.email.id}
            result={result}
            mailboxes={mailboxes}
            selected={result.email.id === selectedId}
            onOpen={() => onOpen(result.email.id)}
          />
        ))}
      </ul>
    </>
  );
}
