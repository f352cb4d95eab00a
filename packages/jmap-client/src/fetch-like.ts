/**
 * The subset of the platform `fetch` the client uses (STYLE 22: platform globals are options).
 * The browser's and Node's `fetch` both satisfy it.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export interface FetchInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  credentials?: RequestCredentialsMode;
}

export type RequestCredentialsMode = 'omit' | 'same-origin' | 'include';

export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
