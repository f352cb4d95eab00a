import { Keyword } from '@colibri/jmap-types';
import type { SearchResult } from '../api/search-emails';
import type { SearchMailbox } from '../lib/parse-search-query';
import { mailboxDisplayName } from '../../../lib/mailbox-names';
import { searchMessages } from '../messages';
import { SnippetText } from './snippet-text';

function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(searchMessages.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

export interface SearchResultItemProps {
  result: SearchResult;
  mailboxes: readonly SearchMailbox[];
  selected: boolean;
  onOpen: () => void;
}

/** One search result: sender, subject and preview with the matches highlighted, folder and date. */
export function SearchResultItem({ result, mailboxes, selected, onOpen }: SearchResultItemProps) {
  const { email, snippet } = result;
  const from = email.from?.[0];
  const sender = from?.name?.trim() || from?.email || searchMessages.unknownSender;
  const folders = mailboxes
    .filter((m) => email.mailboxIds[m.id])
    .map((m) => mailboxDisplayName(m))
    .join(', ');
  const unread = !email.keywords[Keyword.Seen];
  return (
    <li className="search-result" data-selected={selected || undefined} data-unread={unread || undefined}>
      <button
        type="button"
        className="search-result__button"
        aria-current={selected || undefined}
        onClick={onOpen}
      >
        <span className="search-result__sender">{sender}</span>
        <time className="search-result__date" dateTime={email.receivedAt}>
          {shortDate(email.receivedAt)}
        </time>
        <span className="search-result__subject" dir="auto">
          <SnippetText html={snippet?.subject} fallback={email.subject?.trim() || searchMessages.noSubject} />
        </span>
        <span className="search-result__preview" dir="auto">
          <SnippetText html={snippet?.preview} fallback={email.preview} />
        </span>
        {folders && <span className="search-result__folder">{searchMessages.inMailbox(folders)}</span>}
      </button>
    </li>
  );
}
