'use client';

import { type Ec3lClient, unwrap } from '@ec3l/sdk';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useIdentity } from '@/providers/identity';

/** What a call of the SDK client answers: its data, or the error body, and the response. */
type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * A write of the tenant's API as a mutation: `send` makes the request with the tenant's SDK client and the
 * answer is unwrapped (an error answer rejects with its Ec3lApiError); after a success `then` brings the
 * cache up to date from the answer and the variables, and the mutation settles once what it returns has.
 */
export const useApiMutation = <TVariables = void, TData = unknown>(
  tenant: string,
  send: (client: Ec3lClient, variables: TVariables) => Promise<Answer<TData>>,
  then: (queryClient: QueryClient, data: TData, variables: TVariables) => unknown,
) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (variables: TVariables): Promise<TData> => unwrap(await send(api(tenant), variables)),
    onSuccess: (data, variables) => then(queryClient, data, variables),
  });
};
