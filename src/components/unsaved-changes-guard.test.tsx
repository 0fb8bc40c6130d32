import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { expect, test } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';

function EditPage() {
  const [dirty, setDirty] = useState(false);
  const navigate = useNavigate();
  const guard = useUnsavedChangesGuard({ dirty, title: 'Discard the changes?', body: 'They are not saved.' });
  return (
    <>
      <h1>Edit</h1>
      <button onClick={() => setDirty(true)}>Type something</button>
      <Link to="/other">Leave</Link>
      <Link to="/edit?tab=two">Other tab</Link>
      <button
        onClick={() => {
          guard.allowNextNavigation();
          void navigate('/other');
        }}
      >
        Save and leave
      </button>
      {guard.dialog}
    </>
  );
}

const render = () =>
  renderWithProviders(
    [
      { path: '/edit', element: <EditPage /> },
      { path: '/other', element: <h1>Other page</h1> },
    ],
    { initialEntries: ['/edit'] },
  );

test('a clean page leaves without asking', async () => {
  const { user } = render();
  await user.click(screen.getByRole('link', { name: 'Leave' }));
  expect(await screen.findByRole('heading', { name: 'Other page' })).toBeInTheDocument();
});

test('a dirty page asks in an alert dialog; Keep editing stays, Discard leaves', async () => {
  const { user } = render();
  await user.click(screen.getByRole('button', { name: 'Type something' }));
  await user.click(screen.getByRole('link', { name: 'Leave' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Discard the changes?' });
  expect(dialog).toHaveTextContent('They are not saved.');
  await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(screen.getByRole('heading', { name: 'Edit' })).toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Leave' }));
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
  expect(await screen.findByRole('heading', { name: 'Other page' })).toBeInTheDocument();
});

test('a change of tab (query string only) is not leaving', async () => {
  const { user, router } = render();
  await user.click(screen.getByRole('button', { name: 'Type something' }));
  await user.click(screen.getByRole('link', { name: 'Other tab' }));
  await waitFor(() => expect(router.state.location.search).toBe('?tab=two'));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

test('after a save the page moves on without asking', async () => {
  const { user } = render();
  await user.click(screen.getByRole('button', { name: 'Type something' }));
  await user.click(screen.getByRole('button', { name: 'Save and leave' }));
  expect(await screen.findByRole('heading', { name: 'Other page' })).toBeInTheDocument();
});
