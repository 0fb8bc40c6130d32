import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';
import { renderWithProviders } from '@/testing/render';
import { LoadById } from './load-by-id';

const back = { to: '/things', label: 'Back to things' };
const page = (thing: { name: string }) => <h1>{thing.name}</h1>;

test('while loading it says so, as a labelled progress indicator', () => {
  renderWithProviders(
    <LoadById data={undefined} error={null} onRetry={() => {}} back={back}>
      {page}
    </LoadById>,
  );
  expect(screen.getByRole('progressbar', { name: 'Loading…' })).toBeInTheDocument();
  expect(screen.queryByRole('heading')).not.toBeInTheDocument();
});

test('with the record it renders the page, even if a later refetch failed', () => {
  renderWithProviders(
    <LoadById data={{ name: 'Thing one' }} error={new Error('offline')} onRetry={() => {}} back={back}>
      {page}
    </LoadById>,
  );
  expect(screen.getByRole('heading', { level: 1, name: 'Thing one' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
});

test('a record that is gone says so, with the way back and no Try again', () => {
  const gone = new ApiError({ type: problemTypes.notFound, title: 'Not found', status: 404 });
  renderWithProviders(
    <LoadById data={undefined} error={gone} onRetry={() => {}} back={back} heading="Things">
      {page}
    </LoadById>,
  );
  expect(screen.getByRole('heading', { level: 1, name: 'Things' })).toBeInTheDocument();
  expect(screen.getByText('This item does not exist any more. Someone may have deleted it.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Back to things' })).toHaveAttribute('href', '/things');
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
});

test('a failed load explains itself and can be retried', async () => {
  const onRetry = vi.fn();
  const { user } = renderWithProviders(
    <LoadById data={undefined} error={new TypeError('Failed to fetch')} onRetry={onRetry} back={back}>
      {page}
    </LoadById>,
  );
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(onRetry).toHaveBeenCalledOnce();
  expect(screen.getByRole('link', { name: 'Back to things' })).toBeInTheDocument();
});
