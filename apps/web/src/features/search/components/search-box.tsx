import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { matchPath, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSearchContext } from '../api/get-search-context';
import { searchKeys } from '../api/keys';
import { mailboxDisplayName } from '../../../lib/mailbox-names';
import { searchMessages } from '../messages';
import '../search.css';

/** The mailbox the user is looking at: the open folder, or the folder a search is limited to. */
function useCurrentMailboxId(): string | undefined {
  const location = useLocation();
  const [params] = useSearchParams();
  const mail = matchPath('/mail/:mailboxId/*', location.pathname);
  if (mail?.params.mailboxId) return decodeURIComponent(mail.params.mailboxId);
  if (matchPath('/search/*', location.pathname)) return params.get('in') ?? undefined;
  return undefined;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
}

/**
 * The search box of the app's banner: one field with operators (see parseSearchQuery), and where
 * to search (every folder, or the current one). Submitting opens `/search?q=…[&in=mailboxId]`.
 * "/" anywhere outside a field focuses it (as in Gmail).
 */
export function SearchBox() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = matchPath('/search/*', location.pathname) !== null;
  const currentId = useCurrentMailboxId();
  const { mailboxes } = useSearchContext();
  const current = mailboxes?.find((m) => m.id === currentId);
  const [query, setQuery] = useState(() => (onSearchPage ? (params.get('q') ?? '') : ''));
  const [scope, setScope] = useState<'all' | 'current'>(() =>
    onSearchPage && params.get('in') ? 'current' : 'all',
  );
  const inputRef = useRef<HTMLInputElement>(null);

  // Back and forward between searches show the search that is on screen.
  const shownQuery = onSearchPage ? params.get('q') : null;
  const shownScope = onSearchPage ? params.get('in') : null;
  useEffect(() => {
    if (shownQuery === null) return;
    setQuery(shownQuery);
    setScope(shownScope ? 'current' : 'all');
  }, [shownQuery, shownScope]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams({ q: query });
    if (scope === 'current' && current) next.set('in', current.id);
    // Each search asks the server anew: flags and folders may have changed since the last one.
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === searchKeys.all[0] && query.queryKey[2] === 'Email',
    });
    navigate(`/search?${next.toString()}`);
  };

  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <input
        ref={inputRef}
        className="search-box__input"
        type="search"
        aria-label={searchMessages.label}
        placeholder={searchMessages.placeholder}
        value={query}
        maxLength={1000}
        onChange={(event) => setQuery(event.target.value)}
      />
      {current && (
        <select
          className="search-box__scope"
          aria-label={searchMessages.scopeLabel}
          value={scope}
          onChange={(event) => setScope(event.target.value === 'current' ? 'current' : 'all')}
        >
          <option value="all">{searchMessages.scopeAll}</option>
          <option value="current">{searchMessages.scopeCurrent(mailboxDisplayName(current))}</option>
        </select>
      )}
      <button type="submit" className="search-box__submit">
        {searchMessages.submit}
      </button>
    </form>
  );
}
