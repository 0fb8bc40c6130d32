import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { conflictBody, fieldError } from '@/api/contract/problem-bodies';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { backendForThisFile, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { UsersPage } from './users-page';

const backend = backendForThisFile('demo');

const PASSWORD = 'a long enough password';

/** The JSON bodies of the writes the mock receives while a test runs. */
function recordWrites() {
  const bodies: { method: string; path: string; body: unknown }[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'GET') return;
    const text = await request.clone().text();
    bodies.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined });
  });
  return bodies;
}

async function renderPage() {
  const rendered = renderWithProviders(<UsersPage />, { initialEntries: ['/users'] });
  await screen.findByRole('table', { name: 'Users' });
  return rendered;
}

const table = () => screen.getByRole('table', { name: 'Users' });
const rowOf = (name: string) => within(table()).getByRole('row', { name: new RegExp(name) });
const dialog = (name: string) => screen.findByRole('dialog', { name });
const textbox = (scope: HTMLElement, name: string) => within(scope).getByRole('textbox', { name });
const passwordInput = (scope: HTMLElement, label: string) => within(scope).getByLabelText(new RegExp(`^${label}`), { selector: 'input' });
const storedUser = (email: string) => backend.db.data.users.find((u) => u.email === email);

async function openAdd(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.click(screen.getByRole('button', { name: 'Add user' }));
  return dialog('Add a user');
}

describe('Users page', () => {
  test('lists the users with their role, presence, capacity, skills and last sign-in; the signed-in one is marked and cannot remove themselves', async () => {
    await renderPage();
    const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Email', 'Role', 'Presence', 'Capacity', 'Skills', 'Last sign-in', 'Actions']);
    const sam = within(rowOf('Sam Taylor')).getAllByRole('cell');
    expect(sam[3]).toHaveTextContent('Busy');
    expect(sam[4]).toHaveTextContent('2 units');
    expect(within(sam[5]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['English 8', 'Billing 5']);
    expect(within(rowOf('Aino Admin')).getAllByRole('cell')[5]).toHaveTextContent('None');
    expect(rowOf('Aino Admin')).toHaveTextContent('You');
    expect(rowOf('Aino Admin')).toHaveTextContent('Administrator');
    expect(rowOf('Eero Agent')).toHaveTextContent('eero.agent@demo.test');
    expect(rowOf('Eero Agent')).toHaveTextContent('Agent');
    expect(rowOf('Eero Agent')).toHaveTextContent('Never');

    const removeSelf = await within(rowOf('Aino Admin')).findByRole('button', { name: 'Remove Aino Admin' });
    await waitFor(() => expect(removeSelf).toHaveAttribute('aria-disabled', 'true'));
    expect(removeSelf).toHaveAccessibleDescription('You cannot remove yourself. Another administrator can.');
    expect(within(rowOf('Eero Agent')).getByRole('button', { name: 'Remove Eero Agent' })).not.toHaveAttribute('aria-disabled');
  });

  test('the add form checks every field before anything is sent', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    const add = await openAdd(user);
    await user.click(within(add).getByRole('button', { name: 'Add user' }));

    expect(await within(add).findByText('Enter a name.')).toBeInTheDocument();
    expect(within(add).getByText('Enter an email address.')).toBeInTheDocument();
    expect(within(add).getByText('Enter a password.')).toBeInTheDocument();
    expect(textbox(add, 'Name')).toHaveFocus();

    await user.type(textbox(add, 'Name'), 'Priya Patel');
    await user.type(textbox(add, 'Email'), 'priya@contoso');
    await user.type(passwordInput(add, 'Initial password'), 'too short');
    await user.click(within(add).getByRole('button', { name: 'Add user' }));
    expect(await within(add).findByText('Enter an email address such as name@example.com.', { exact: false })).toBeInTheDocument();
    expect(within(add).getByText('Use at least 12 characters for the password.')).toBeInTheDocument();
    expect(writes).toEqual([]);
  });

  test('an email address someone already signs in with is marked on the field; what was typed stays', async () => {
    const { user } = await renderPage();
    const add = await openAdd(user);
    await user.type(textbox(add, 'Name'), 'Eero Again');
    await user.type(textbox(add, 'Email'), 'EERO.AGENT@demo.test');
    await user.type(passwordInput(add, 'Initial password'), PASSWORD);
    await user.click(within(add).getByRole('button', { name: 'Add user' }));

    expect(await within(add).findByText('Another user already signs in with this email address.')).toBeInTheDocument();
    expect(textbox(add, 'Email')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox(add, 'Email')).toHaveFocus();
    expect(textbox(add, 'Name')).toHaveValue('Eero Again');
    expect(backend.db.data.users.filter((u) => u.name === 'Eero Again')).toEqual([]);
  });

  test('adds a user with a role and a password that can be shown before sending', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    const add = await openAdd(user);
    await user.type(textbox(add, 'Name'), 'Noora Niemi');
    await user.type(textbox(add, 'Email'), 'Noora.Niemi@Contoso.example');
    await user.click(within(add).getByRole('radio', { name: /Administrator/ }));
    const password = passwordInput(add, 'Initial password');
    await user.type(password, PASSWORD);
    expect(password).toHaveAttribute('type', 'password');
    await user.click(within(add).getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    await user.click(within(add).getByRole('button', { name: 'Add user' }));

    expect(await screen.findByText('Noora Niemi was added. They can sign in with the password you gave.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(writes.map((w) => w.body)).toEqual([
      { name: 'Noora Niemi', email: 'noora.niemi@contoso.example', role: 'admin', password: PASSWORD, capacity: 3, skills: [] },
    ]);
    expect(await screen.findByRole('row', { name: /Noora Niemi/ })).toHaveTextContent('noora.niemi@contoso.example');
    expect(storedUser('noora.niemi@contoso.example')).toMatchObject({ role: 'admin', password: PASSWORD });
  });

  test('edits the role and sets a new password, saying that it signs the user out everywhere', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    await user.click(within(rowOf('Eero Agent')).getByRole('button', { name: 'Edit Eero Agent' }));
    const edit = await dialog('Edit Eero Agent');
    expect(within(edit).queryByLabelText(/^New password/, { selector: 'input' })).not.toBeInTheDocument();
    await user.click(within(edit).getByRole('radio', { name: /Administrator/ }));
    const setPassword = within(edit).getByRole('checkbox', { name: 'Set a new password' });
    expect(setPassword).toHaveAccessibleDescription(/signs Eero Agent out everywhere/);
    await user.click(setPassword);
    const password = passwordInput(edit, 'New password');
    await waitFor(() => expect(password).toHaveFocus());
    await user.type(password, PASSWORD);
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Changes to Eero Agent saved.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `/api/users/${demoIds.agentUser}`, { version: 1, role: 'admin', password: PASSWORD }],
    ]);
    expect(await screen.findByRole('row', { name: /Eero Agent/ })).toHaveTextContent('Administrator');
  });

  test('closing an edit without changes sends nothing', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    await user.click(within(rowOf('Eero Agent')).getByRole('button', { name: 'Edit Eero Agent' }));
    const edit = await dialog('Edit Eero Agent');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitForDialogsToClose();
    expect(writes).toEqual([]);
  });

  test('the signed-in administrator cannot change their own role, and is told why', async () => {
    const { user } = await renderPage();
    await user.click(within(rowOf('Aino Admin')).getByRole('button', { name: 'Edit Aino Admin' }));
    const edit = await dialog('Edit Aino Admin');
    for (const radio of within(edit).getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(within(edit).getByText('You cannot take away your own administrator role.')).toBeInTheDocument();
  });

  test('a refusal of the server that no field owns (the last administrator) is said in the dialog', async () => {
    backend.server.use(
      http.patch('/api/users/:id', () =>
        HttpResponse.json(conflictBody('At least one administrator must remain.', [fieldError('role', 'user.lastAdmin')]), {
          status: 409,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const { user } = await renderPage();
    await user.click(within(rowOf('Eero Agent')).getByRole('button', { name: 'Edit Eero Agent' }));
    const edit = await dialog('Edit Eero Agent');
    await user.type(textbox(edit, 'Name'), ' Virtanen');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await within(edit).findByText('At least one administrator must remain. Make another user an administrator first.')).toBeInTheDocument();
    expect(within(edit).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(textbox(edit, 'Name')).toHaveValue('Eero Agent Virtanen');
  });

  test('after someone else changed the user, Reload shows their version and keeps what was typed here', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    await user.click(within(rowOf('Eero Agent')).getByRole('button', { name: 'Edit Eero Agent' }));
    const edit = await dialog('Edit Eero Agent');
    backend.db.write((draft) => {
      const stored = draft.users.find((u) => u.id === demoIds.agentUser)!;
      stored.email = 'eero@elsewhere.example';
      stored.version = 2;
    });
    await user.clear(textbox(edit, 'Name'));
    await user.type(textbox(edit, 'Name'), 'Eero Virtanen');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await within(edit).findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    await user.click(within(edit).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(textbox(edit, 'Email')).toHaveValue('eero@elsewhere.example'));
    expect(textbox(edit, 'Name')).toHaveValue('Eero Virtanen');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Changes to Eero Virtanen saved.')).toBeInTheDocument();
    expect(writes.map((w) => w.body)).toEqual([
      { version: 1, name: 'Eero Virtanen' },
      { version: 2, name: 'Eero Virtanen' },
    ]);
  });

  test('removes a user after confirmation', async () => {
    const { user } = await renderPage();
    await user.click(within(rowOf('Eero Agent')).getByRole('button', { name: 'Remove Eero Agent' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Eero Agent?' });
    expect(confirm).toHaveTextContent('Eero Agent (eero.agent@demo.test) can no longer sign in');
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Eero Agent was removed.')).toBeInTheDocument();
    await waitForDialogsToClose();
    await waitFor(() => expect(within(table()).queryByRole('row', { name: /Eero Agent/ })).not.toBeInTheDocument());
    expect(storedUser('eero.agent@demo.test')).toBeUndefined();
  });
});
