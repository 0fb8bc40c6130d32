import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { expect, test, vi } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';
import { renderWithProviders } from '@/testing/render';
import { DeleteDialog } from './delete-dialog';
import { UsageList } from './usage-list';
import { useDeleteFlow, type DeleteMutation } from './use-delete-flow';

const thing = { id: 't1', name: 'Thing one' };

function Harness({ mutation, blocked = false, onDeleted = () => {} }: { mutation: DeleteMutation; blocked?: boolean; onDeleted?: () => void }) {
  const [record, setRecord] = useState<typeof thing | null>(null);
  const flow = useDeleteFlow({ record, mutation, doneMessage: (r) => `${r.name} was deleted.`, onClose: () => setRecord(null), onDeleted });
  return (
    <>
      <h1>Things</h1>
      <button onClick={() => setRecord(thing)}>Delete Thing one</button>
      <DeleteDialog
        open={record !== null}
        blocked={blocked}
        title={blocked ? 'Thing one cannot be deleted yet' : 'Delete Thing one?'}
        busy={flow.busy}
        error={flow.error}
        onConfirm={flow.confirm}
        onCancel={flow.close}
      >
        <UsageList items={[{ key: 'w', to: '/workstreams/w', content: 'Used by Support' }, { key: 'n', content: 'Two numbers' }]} />
      </DeleteDialog>
    </>
  );
}

/** A mutation whose answer the test decides. */
function fakeMutation(outcome: unknown | null): DeleteMutation & { calls: string[] } {
  const calls: string[] = [];
  const mutation = {
    calls,
    isPending: false,
    error: null as unknown,
    reset: () => {
      mutation.error = null;
    },
    mutate: (id: string, options: { onSuccess: () => void; onError: (error: unknown) => void }) => {
      calls.push(id);
      if (outcome === null) options.onSuccess();
      else {
        mutation.error = outcome;
        options.onError(outcome);
      }
    },
  };
  return mutation;
}

test('asks in an alert dialog named by its title, lists the usage with links, and Cancel deletes nothing', async () => {
  const mutation = fakeMutation(null);
  const { user } = renderWithProviders(<Harness mutation={mutation} />);
  await user.click(screen.getByRole('button', { name: 'Delete Thing one' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Delete Thing one?' });
  expect(within(dialog).getByRole('link', { name: 'Used by Support' })).toHaveAttribute('href', '/workstreams/w');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(mutation.calls).toEqual([]);
  expect(screen.getByRole('button', { name: 'Delete Thing one' })).toHaveFocus();
});

test('while in use it refuses: only Close, no Delete', async () => {
  const { user } = renderWithProviders(<Harness mutation={fakeMutation(null)} blocked />);
  await user.click(screen.getByRole('button', { name: 'Delete Thing one' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Thing one cannot be deleted yet' });
  expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
});

test('Delete deletes, closes, says so, and lets the page move focus', async () => {
  const onDeleted = vi.fn();
  const mutation = fakeMutation(null);
  const { user } = renderWithProviders(<Harness mutation={mutation} onDeleted={onDeleted} />);
  await user.click(screen.getByRole('button', { name: 'Delete Thing one' }));
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
  expect(await screen.findByText('Thing one was deleted.')).toBeInTheDocument();
  expect(mutation.calls).toEqual(['t1']);
  expect(onDeleted).toHaveBeenCalledOnce();
});

test('someone else deleted it first: said plainly, as done', async () => {
  const gone = new ApiError({ type: problemTypes.notFound, title: 'Not found', status: 404 });
  const { user } = renderWithProviders(<Harness mutation={fakeMutation(gone)} />);
  await user.click(screen.getByRole('button', { name: 'Delete Thing one' }));
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
  expect(await screen.findByText('This item does not exist any more. Someone may have deleted it.')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
});

test('busy: both buttons wait, and the confirm button says what is happening', () => {
  renderWithProviders(
    <DeleteDialog open title="Delete Thing one?" busy error={null} onConfirm={() => {}} onCancel={() => {}}>
      Gone for good.
    </DeleteDialog>,
  );
  const dialog = screen.getByRole('alertdialog', { name: 'Delete Thing one?' });
  expect(within(dialog).getByRole('button', { name: 'Deleting…' })).toBeDisabled();
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
});

test('a failure stays in the dialog with the reason', () => {
  const failed = new ApiError({ type: problemTypes.server, title: 'Internal error', status: 500 });
  renderWithProviders(
    <DeleteDialog open title="Delete Thing one?" busy={false} error={failed} onConfirm={() => {}} onCancel={() => {}}>
      Gone for good.
    </DeleteDialog>,
  );
  const dialog = screen.getByRole('alertdialog', { name: 'Delete Thing one?' });
  expect(within(dialog).getByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
  expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeEnabled();
});

test('a refusal the record can word is said in its own words', () => {
  renderWithProviders(
    <DeleteDialog open title="Delete Thing two?" busy={false} error={new Error('409')} refusal="It came into use." onConfirm={() => {}} onCancel={() => {}}>
      Gone for good.
    </DeleteDialog>,
  );
  expect(within(screen.getByRole('alertdialog', { name: 'Delete Thing two?' })).getByText('It came into use.')).toBeInTheDocument();
});
