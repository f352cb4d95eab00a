import { useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useInRouterContext } from 'react-router';
import type { Decorator } from '@storybook/react-vite';
import type { StoreApi } from 'zustand';
import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import { JmapClientProvider } from '../lib/jmap';
import '../styles/app.css';

/**
 * What a story's components find instead of a server. Cached answers are served from the query
 * cache; anything else goes to a JMAP client that never answers ('pending': the loading state)
 * or fails at once ('error'). Nothing reaches the network, so stories build and run offline.
 */
export interface StoryData {
  /** Query cache entries, by the exact keys the components use (`[feature, accountId, type, …]`). */
  queries?: readonly (readonly [QueryKey, unknown])[];
  /** Keys whose query is in error, as after a failed request. */
  errors?: readonly QueryKey[];
  network?: 'pending' | 'error';
  /** The URL the story's router starts at, and the route pattern that gives its params. */
  url?: string;
  path?: string;
}

export const STORY_NETWORK_ERROR = 'The server cannot be reached (story without a network).';

function storyJmapClient(network: 'pending' | 'error'): JmapClient {
  return createJmapClient({
    sessionUrl: '/.well-known/jmap',
    fetch: () =>
      network === 'error' ? Promise.reject(new Error(STORY_NETWORK_ERROR)) : new Promise(() => undefined),
  });
}

function storyQueryClient({ queries = [], errors = [] }: StoryData): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      // A story shows one state: no retries, no refetch of what was given, nothing collected.
      queries: { retry: false, retryOnMount: false, staleTime: Infinity, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
  for (const [key, data] of queries) client.setQueryData(key, data);
  for (const key of errors) {
    client
      .getQueryCache()
      .build(client, { queryKey: key })
      .setState({
        status: 'error',
        fetchStatus: 'idle',
        error: new Error(STORY_NETWORK_ERROR),
        errorUpdatedAt: Date.now(),
        fetchFailureCount: 1,
      });
  }
  return client;
}

export function StoryProviders({ data, children }: { data: StoryData; children: ReactNode }) {
  const [clients] = useState(() => ({
    query: storyQueryClient(data),
    jmap: storyJmapClient(data.network ?? 'pending'),
  }));
  // A story's own data sits inside its meta's: the innermost cache wins, one router serves both.
  const inRouter = useInRouterContext();
  if (inRouter && (data.url !== undefined || data.path !== undefined))
    throw new Error('A nested story decorator cannot set the URL: give each story its own withStoryData.');
  const { url = '/', path = '*' } = data;
  return (
    <QueryClientProvider client={clients.query}>
      <JmapClientProvider client={clients.jmap}>
        {inRouter ? (
          children
        ) : (
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={children} />
            </Routes>
          </MemoryRouter>
        )}
      </JmapClientProvider>
    </QueryClientProvider>
  );
}

/** A decorator giving the story its cached data, a JMAP client without a network and a router. */
export function withStoryData(data: StoryData = {}): Decorator {
  return (Story) => (
    <StoryProviders data={data}>
      <Story />
    </StoryProviders>
  );
}

/** Lays the story out right to left, as a browser does for an Arabic or Hebrew interface. */
export const rightToLeft: Decorator = (Story) => (
  <div dir="rtl">
    <Story />
  </div>
);

/**
 * A box of a fixed size, laid out as a cell of the mail screen's grid: panes fill their cell, and
 * the virtual list needs that height to know which rows are in view.
 */
export function inFrame(width: number | string, height: number): Decorator {
  return (Story) => (
    <div
      style={{
        width,
        height,
        display: 'grid',
        gridTemplateRows: 'minmax(0, 1fr)',
        gridTemplateColumns: 'minmax(0, 1fr)',
        border: '1px solid var(--app-border)',
      }}
    >
      <Story />
    </div>
  );
}

/**
 * A `beforeEach` that puts a UI store (zustand, STYLE 19) in the state a story shows, and puts
 * back what was there after: stores are module-wide, and stories must not leak into each other.
 */
export function withStoreState<T>(store: Pick<StoreApi<T>, 'getState' | 'setState'>, state: Partial<T>) {
  return () => {
    const before = store.getState();
    store.setState(state);
    return () => store.setState(before, true);
  };
}

/**
 * A `beforeEach` that answers the page's own fetch (the BFF's `/auth/*` calls, which do not go
 * through the JMAP client) for one story, and puts the real fetch back after.
 */
export function answerFetch(answer: () => Promise<Response>) {
  return () => {
    const real = globalThis.fetch;
    globalThis.fetch = answer;
    return () => {
      globalThis.fetch = real;
    };
  };
}
