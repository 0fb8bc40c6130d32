import { act, renderHook } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const key of Object.values(resourceKeys)) queryClient.setQueryData([...key, 'list'], []);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const invalidated = () =>
    Object.entries(resourceKeys)
      .filter(([, key]) => queryClient.getQueryState([...key, 'list'])?.isInvalidated)
      .map(([name]) => name);
  return { queryClient, wrapper, invalidated };
}

describe('useResourceMutation', () => {
  test('a success refreshes the resources it names and nothing else', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useResourceMutation({ mutationFn: () => Promise.resolve('ok'), invalidates: ['queues', 'workstreams'] }), { wrapper });
    await act(() => result.current.mutateAsync());
    expect(invalidated().sort()).toEqual(['queues', 'workstreams']);
  });

  test('a failure refreshes nothing', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useResourceMutation({ mutationFn: () => Promise.reject(new Error('no')), invalidates: ['queues'] }), { wrapper });
    await act(() => result.current.mutateAsync().catch(() => undefined));
    expect(invalidated()).toEqual([]);
  });

  test('what its own onSuccess puts into the cache is not marked stale afterwards', async () => {
    const { queryClient, wrapper } = setup();
    const { result } = renderHook(
      () =>
        useResourceMutation({
          mutationFn: () => Promise.resolve({ id: 'a1' }),
          onSuccess: (account) => queryClient.setQueryData([...resourceKeys.accounts, 'detail', account.id], account),
          invalidates: ['accounts'],
        }),
      { wrapper },
    );
    await act(() => result.current.mutateAsync());
    expect(queryClient.getQueryState([...resourceKeys.accounts, 'detail', 'a1'])?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState([...resourceKeys.accounts, 'list'])?.isInvalidated).toBe(true);
  });
});
