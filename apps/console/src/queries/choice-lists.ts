'use client';

import { unwrap } from '@ec3l/sdk';
import { useQuery } from '@tanstack/react-query';
import type { ChoiceItem, ChoiceItemInput, ChoiceList } from '@/lib/choice-lists';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { allPages } from './pages';

/** Choice lists belong to the tenant and any of its users may read them: keyed by tenant only. */
const choiceListsKey = (tenant: string) => ['/api/choice-lists', tenant] as const;
const choiceItemsKey = (tenant: string, id: string) =>
  ['/api/choice-lists/{choiceListId}/items', tenant, id] as const;

/** GET /api/choice-lists, every page. */
export const useChoiceLists = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: choiceListsKey(tenant),
    queryFn: ({ signal }): Promise<ChoiceList[]> =>
      allPages((page) => api(tenant).GET('/api/choice-lists', { params: { query: page }, signal })),
  });
};

/** GET /api/choice-lists/{choiceListId}/items, in their order. */
export const useChoiceItems = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: choiceItemsKey(tenant, id),
    queryFn: async ({ signal }): Promise<ChoiceItem[]> =>
      unwrap(
        await api(tenant).GET('/api/choice-lists/{choiceListId}/items', {
          params: { path: { choiceListId: id } },
          signal,
        }),
      ),
  });
};

/** POST /api/choice-lists with its first items (201; 409 for a taken name). */
export const useCreateChoiceList = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: { name: string; items: ChoiceItemInput[] }) => client.POST('/api/choice-lists', { body }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: choiceListsKey(tenant) }),
  );

/** POST /api/choice-lists/{choiceListId}/items (201; 409 for a value the list has). */
export const useAddChoiceItem = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { listId, item }: { listId: string; item: ChoiceItemInput }) =>
      client.POST('/api/choice-lists/{choiceListId}/items', {
        params: { path: { choiceListId: listId } },
        body: item,
      }),
    (queryClient, _item, { listId }) =>
      queryClient.invalidateQueries({ queryKey: choiceItemsKey(tenant, listId) }),
  );
