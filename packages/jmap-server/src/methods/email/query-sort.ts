import { MethodErrorType } from '@colibri/jmap-types';
import type { EmailCollation, EmailSort } from '@colibri/mail-store';
import { EMAIL_SORT_PROPERTIES } from '../../limits.js';
import { MethodFailure } from '../../method-failure.js';
import type { EmailQueryArgs } from './query-args.js';

type SortProperty = EmailSort['property'];

function isServedSort(property: string): property is SortProperty {
  return (EMAIL_SORT_PROPERTIES as readonly string[]).includes(property);
}

const keywordSorts = new Set<string>(['hasKeyword', 'allInThreadHaveKeyword', 'someInThreadHaveKeyword']);

/**
 * RFC 8621 §4.4.2 / RFC 8620 §5.5: comparators as the store's sort. A property or collation the
 * server does not offer, or a keyword sort without its keyword, is unsupportedSort; `isAscending`
 * defaults to true.
 */
export function toStoreSort(
  sort: EmailQueryArgs['sort'],
  collations: readonly string[],
): EmailSort[] | undefined {
  if (sort == null || sort.length === 0) return undefined;
  return sort.map((comparator) => {
    if (!isServedSort(comparator.property)) {
      throw new MethodFailure(
        MethodErrorType.UnsupportedSort,
        `Sorting by "${comparator.property}" is not supported; use ${EMAIL_SORT_PROPERTIES.join(', ')}.`,
      );
    }
    if (comparator.collation !== undefined && !collations.includes(comparator.collation)) {
      throw new MethodFailure(
        MethodErrorType.UnsupportedSort,
        `Unknown collation "${comparator.collation}".`,
      );
    }
    if (keywordSorts.has(comparator.property) && comparator.keyword === undefined) {
      throw new MethodFailure(
        MethodErrorType.UnsupportedSort,
        `Sorting by "${comparator.property}" needs a keyword.`,
      );
    }
    const result: EmailSort = { property: comparator.property, isAscending: comparator.isAscending ?? true };
    if (comparator.keyword !== undefined) result.keyword = comparator.keyword;
    if (comparator.collation !== undefined) result.collation = comparator.collation as EmailCollation;
    return result;
  });
}
