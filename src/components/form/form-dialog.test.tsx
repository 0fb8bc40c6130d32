import { zodResolver } from '@hookform/resolvers/zod';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { expect, test, vi } from 'vitest';
import { z } from 'zod';
import { problemTypes } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';
import { renderWithProviders } from '@/testing/render';
import { placeServerErrors } from './apply-server-errors';
import { FormDialog, FormDialogForm } from './form-dialog';
import { FormTextField } from './form-text-field';

const schema = z.object({ name: z.string().min(1, 'required') });

function NameForm({ save, busy, onClose }: { save: (name: string) => Promise<void>; busy: boolean; onClose: () => void }) {
  const form = useForm({ resolver: zodResolver(schema), mode: 'onTouched', defaultValues: { name: '' } });
  const [failed, setFailed] = useState(false);
  const submit = form.handleSubmit(async ({ name }) => {
    try {
      await save(name);
      onClose();
    } catch (error) {
      if (!placeServerErrors(error, form.setError, (path) => path === 'name')) setFailed(true);
    }
  });
  return (
    <FormDialogForm title="Rename thing" onSubmit={submit} busy={busy} submitLabel="Save" busyLabel="Saving…" onCancel={onClose}>
      {failed && <p>It failed.</p>}
      <FormTextField control={form.control} name="name" label="Name" />
    </FormDialogForm>
  );
}

function Harness({ save, busy = false }: { save: (name: string) => Promise<void>; busy?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Rename</button>
      <FormDialog open={open} busy={busy} onDismiss={() => setOpen(false)}>
        <NameForm save={save} busy={busy} onClose={() => setOpen(false)} />
      </FormDialog>
    </>
  );
}

test('a dialog named by its title with a labelled field; Cancel closes and focus goes back', async () => {
  const { user } = renderWithProviders(<Harness save={vi.fn()} />);
  await user.click(screen.getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename thing' });
  expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus();
});

test('submits the typed values and closes', async () => {
  const save = vi.fn().mockResolvedValue(undefined);
  const { user } = renderWithProviders(<Harness save={save} />);
  await user.click(screen.getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Thing two');
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  expect(save).toHaveBeenCalledWith('Thing two');
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
});

test('a server field error lands on its field, which gets focus; the dialog stays with what was typed', async () => {
  const refused = new ApiError({
    type: problemTypes.validation,
    title: 'Invalid',
    status: 422,
    errors: [{ path: 'name', code: 'name.taken', message: 'That name is taken.' }],
  });
  const { user } = renderWithProviders(<Harness save={vi.fn().mockRejectedValue(refused)} />);
  await user.click(screen.getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog');
  const field = within(dialog).getByRole('textbox', { name: 'Name' });
  await user.type(field, 'Thing one');
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  expect(field).toHaveFocus();
  expect(field).toHaveValue('Thing one');
  expect(within(dialog).queryByText('It failed.')).not.toBeInTheDocument();
});

test('while saving, the submit button says so and is announced unavailable, Cancel waits', async () => {
  const { user } = renderWithProviders(<Harness save={vi.fn()} busy />);
  await user.click(screen.getByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByRole('button', { name: 'Saving…' })).toHaveAttribute('aria-disabled', 'true');
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
});

function DiscardAskingForm({ onClose }: { onClose: () => void }) {
  const form = useForm({ defaultValues: { name: '' } });
  const question = { title: 'Close without saving?', body: 'What you typed is lost.' };
  return (
    <FormDialogForm
      title="Edit thing"
      onSubmit={form.handleSubmit(onClose)}
      submitLabel="Save"
      onCancel={onClose}
      askBeforeDiscard={form.formState.isDirty && question}
    >
      <FormTextField control={form.control} name="name" label="Name" />
    </FormDialogForm>
  );
}

function DiscardHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Edit</button>
      <FormDialog open={open} onDismiss={() => setOpen(false)} surfaceClassName="wide-dialog">
        <DiscardAskingForm onClose={() => setOpen(false)} />
      </FormDialog>
    </>
  );
}

test('the surface takes the class it is given', async () => {
  const { user } = renderWithProviders(<DiscardHarness />);
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  expect(await screen.findByRole('dialog', { name: 'Edit thing' })).toHaveClass('wide-dialog');
});

test('with nothing typed, Cancel and Escape close at once', async () => {
  const { user } = renderWithProviders(<DiscardHarness />);
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  await screen.findByRole('dialog');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
});

test('with something typed, Cancel and Escape ask first; Keep editing keeps it, Discard closes', async () => {
  const { user } = renderWithProviders(<DiscardHarness />);
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const dialog = await screen.findByRole('dialog', { name: 'Edit thing' });
  await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Half a name');

  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  const ask = await screen.findByRole('alertdialog', { name: 'Close without saving?' });
  expect(ask).toHaveTextContent('What you typed is lost.');
  await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Half a name');

  await user.keyboard('{Escape}');
  await user.click(within(await screen.findByRole('alertdialog', { name: 'Close without saving?' })).getByRole('button', { name: 'Discard' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
});

test('while saving, Escape does not close', async () => {
  const { user } = renderWithProviders(<Harness save={vi.fn()} busy />);
  await user.click(screen.getByRole('button', { name: 'Rename' }));
  await screen.findByRole('dialog');
  await user.keyboard('{Escape}');
  expect(screen.getByRole('dialog', { name: 'Rename thing' })).toBeInTheDocument();
});
