// The search feature's entry: the banner's box and the results page (the app composes them).
export { SearchBox } from './components/search-box';
export { SearchPage } from './components/search-page';
export type { SearchPageProps } from './components/search-page';
export { parseSearchQuery } from './lib/parse-search-query';
export type { ParsedSearch, SearchProblem } from './lib/parse-search-query';
