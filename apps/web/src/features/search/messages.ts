import type { SearchProblem } from './lib/parse-search-query';
import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { searchMessagesFr } from './messages.fr';

/** English strings of the search feature, in one place so that a French catalogue can slot in. */
const en = {
  locale: 'en-GB',
  label: 'Search mail',
  placeholder: 'Search mail (from:, subject:, has:attachment, in:…)',
  submit: 'Search',
  scopeLabel: 'Where to search',
  scopeAll: 'All folders',
  scopeCurrent: (name: string) => `Only in ${name}`,
  resultsLabel: 'Search results',
  resultsHeading: (query: string) => `Results for “${query}”`,
  resultCount: (shown: number, total: number | null) =>
    total !== null && total > shown
      ? `The newest ${shown} of ${total} messages`
      : `${shown} message${shown === 1 ? '' : 's'}`,
  loading: 'Searching…',
  error: 'The search failed.',
  empty: 'No messages match this search.',
  nothingToSearch: 'Type something to search for.',
  noSubject: '(no subject)',
  unknownSender: '(unknown sender)',
  inMailbox: (names: string) => `In ${names}`,
  problem: (problem: SearchProblem): string => {
    switch (problem.kind) {
      case 'unknown-mailbox':
        return `There is no folder named “${problem.value}”.`;
      case 'bad-value':
        return `“${problem.operator}:${problem.value}” was not understood and was left out.`;
      case 'empty-value':
        return `“${problem.operator}:” needs a value; it was left out.`;
      case 'too-long':
        return `The search was cut to its first ${problem.max} characters.`;
      case 'too-many-conditions':
        return `Only the first ${problem.max} conditions were used.`;
      default: {
        const unknown: never = problem;
        return String(unknown);
      }
    }
  },
  readerEmpty: 'Select a result to read it.',
} as const;

export type SearchMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const searchMessages: SearchMessages = pickCatalogue<typeof en>({ en, fr: searchMessagesFr });
