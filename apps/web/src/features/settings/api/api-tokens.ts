import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/http';
import { useJmapHeaders } from '../../../lib/jmap';
import { settingsKeys } from './keys';

/** An API token as the BFF lists it (`/auth/tokens`): never its secret. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A token just made: the only time its secret is known. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

/** The account's API tokens (for `Authorization: Bearer` from other JMAP clients and scripts). */
export function useApiTokens() {
  return useQuery({
    queryKey: settingsKeys.apiTokens(),
    queryFn: async () => (await requestJson<{ tokens: ApiToken[] }>('/auth/tokens'))?.tokens ?? [],
  });
}

// A cookie-authenticated change needs the session's CSRF token (the same header as JMAP's).
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  const headers = useJmapHeaders();
  return useMutation({
    mutationFn: async (name: string) => {
      const created = await requestJson<CreatedApiToken>('/auth/tokens', {
        method: 'POST',
        body: { name },
        headers: headers(),
      });
      if (!created) throw new Error('The server did not return the new token.');
      return created;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.apiTokens() }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  const headers = useJmapHeaders();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson(`/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', headers: headers() }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.apiTokens() }),
  });
}
