import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, VacationResponse } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { settingsKeys } from './keys';
import { throwIfRefused } from './set-error';

export type VacationFields = Omit<VacationResponse, 'id'>;

/** RFC 8621 §8.1: the account's one VacationResponse, id "singleton". */
export async function getVacation(client: JmapClient, accountId: Id): Promise<VacationResponse> {
  const { list } = await client.call('VacationResponse/get', { accountId, ids: ['singleton'] });
  const vacation = list[0];
  if (!vacation) throw new Error('The server has no VacationResponse for this account.');
  return vacation as VacationResponse;
}

export function vacationQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: settingsKeys.vacation(accountId),
    queryFn: () => getVacation(client, accountId),
  });
}

export function useVacation(accountId: Id) {
  return useQuery(vacationQueryOptions(useJmapClient(), accountId));
}

/** RFC 8621 §8.2: updates the singleton; a refusal (invalidProperties, …) is thrown as a SettingsSetError. */
export async function setVacation(client: JmapClient, accountId: Id, fields: VacationFields): Promise<void> {
  const result = await client.call('VacationResponse/set', { accountId, update: { singleton: fields } });
  throwIfRefused(result.notUpdated, 'singleton');
}

export function useSaveVacation(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: VacationFields) => setVacation(client, accountId, fields),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.vacation(accountId) }),
  });
}
