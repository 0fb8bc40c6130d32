import { act, renderHook } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useSaveFailure } from './use-save-failure';

test('holds the failure shown until it is cleared', () => {
  const { result } = renderHook(() => useSaveFailure());
  expect(result.current.error).toBeNull();
  const refused = new Error('refused');
  act(() => result.current.show(refused));
  expect(result.current.error).toBe(refused);
  act(() => result.current.clear());
  expect(result.current.error).toBeNull();
});

test('a failure of one version goes once the form edits another', () => {
  const { result, rerender } = renderHook(({ version }) => useSaveFailure(version), { initialProps: { version: 3 } });
  act(() => result.current.show(new Error('conflict')));
  expect(result.current.error).toBeInstanceOf(Error);
  rerender({ version: 4 });
  expect(result.current.error).toBeNull();
});
