import { BoxRegular } from '@fluentui/react-icons';
import { screen } from '@testing-library/react';
import { useRef } from 'react';
import { expect, test, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { ListPage, type ListPageProps } from './list-page';
import { LoadMore } from './load-more';

type Thing = { id: string; name: string };

function Page(props: Partial<ListPageProps<Thing>>) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <ListPage<Thing>
      title="Things"
      intro="Everything you keep."
      headingRef={headingRef}
      create={{ to: '/things/new', label: 'New thing' }}
      items={undefined}
      error={null}
      onRetry={() => {}}
      empty={{ icon: <BoxRegular />, title: 'No things yet', body: 'Add the first one.' }}
      {...props}
    >
      {(items) => (
        <ul aria-label="Things">
          {items.map((item) => (
            <li key={item.id}>{item.name}</li>
          ))}
        </ul>
      )}
    </ListPage>
  );
}

test('a heading and intro name the page and its title; while loading a labelled spinner, no create yet', () => {
  renderWithProviders(<Page />);
  expect(screen.getByRole('heading', { level: 1, name: 'Things' })).toBeInTheDocument();
  expect(screen.getByText('Everything you keep.')).toBeInTheDocument();
  expect(screen.getByRole('progressbar', { name: 'Loading…' })).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'New thing' })).not.toBeInTheDocument();
  expect(document.title).toContain('Things');
});

test('with records: the list, and the create link in the header', () => {
  renderWithProviders(<Page items={[{ id: '1', name: 'Thing one' }]} />);
  expect(screen.getByRole('list', { name: 'Things' })).toHaveTextContent('Thing one');
  expect(screen.getByRole('link', { name: 'New thing' })).toHaveAttribute('href', '/things/new');
});

test('empty: the empty state is a labelled section that holds the one way to start', () => {
  renderWithProviders(<Page items={[]} />);
  const empty = screen.getByRole('region', { name: 'No things yet' });
  expect(empty).toHaveTextContent('Add the first one.');
  expect(screen.getAllByRole('link', { name: 'New thing' })).toHaveLength(1);
  expect(screen.queryByRole('list')).not.toBeInTheDocument();
});

test('a failed load says so and can be retried; loaded records win over a later failure', async () => {
  const onRetry = vi.fn();
  const { user, unmount } = renderWithProviders(<Page error={new TypeError('Failed to fetch')} onRetry={onRetry} />);
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(onRetry).toHaveBeenCalledOnce();
  unmount();
  renderWithProviders(<Page items={[{ id: '1', name: 'Thing one' }]} error={new TypeError('Failed to fetch')} />);
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
});

test('a create that opens a dialog is a button, there even before the list has loaded', async () => {
  const onClick = vi.fn();
  const { user } = renderWithProviders(<Page empty={undefined} create={{ label: 'Add thing', icon: <BoxRegular />, onClick }} />);
  await user.click(screen.getByRole('button', { name: 'Add thing' }));
  expect(onClick).toHaveBeenCalledOnce();
});

test('arriving from a create, focus starts on the heading', () => {
  renderWithProviders(<Page items={[{ id: '1', name: 'Thing one' }]} focusHeading />);
  expect(screen.getByRole('heading', { level: 1, name: 'Things' })).toHaveFocus();
});

test('load more: the next page on request, and focus on the count once there is no more', async () => {
  const onLoadMore = vi.fn().mockResolvedValue({ hasNextPage: false });
  const { user } = renderWithProviders(
    <LoadMore hasMore loading={false} error={null} onLoadMore={onLoadMore} label="Load more" loadingLabel="Loading more…" status="10 shown" />,
  );
  await user.click(screen.getByRole('button', { name: 'Load more' }));
  expect(onLoadMore).toHaveBeenCalledOnce();
  expect(screen.getByRole('status')).toHaveTextContent('10 shown');
  expect(screen.getByRole('status')).toHaveFocus();
});
