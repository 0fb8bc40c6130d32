import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { expect, test, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { ConfirmDialog } from './confirm-dialog';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Delete things</button>
      <ConfirmDialog open={open} title="Delete things?" confirmLabel="Delete" onConfirm={onConfirm} onCancel={() => setOpen(false)}>
        They cannot be brought back.
      </ConfirmDialog>
    </>
  );
}

test('asks with an alert dialog that names the action; Cancel closes it without confirming', async () => {
  const onConfirm = vi.fn();
  const { user } = renderWithProviders(<Harness onConfirm={onConfirm} />);
  await user.click(screen.getByRole('button', { name: 'Delete things' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Delete things?' });
  expect(dialog).toHaveTextContent('They cannot be brought back.');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(onConfirm).not.toHaveBeenCalled();
  // Back where the user was, not at the top of the page.
  expect(screen.getByRole('button', { name: 'Delete things' })).toHaveFocus();
});

test('the confirm button confirms', async () => {
  const onConfirm = vi.fn();
  const { user } = renderWithProviders(<Harness onConfirm={onConfirm} />);
  await user.click(screen.getByRole('button', { name: 'Delete things' }));
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
  expect(onConfirm).toHaveBeenCalledOnce();
});
