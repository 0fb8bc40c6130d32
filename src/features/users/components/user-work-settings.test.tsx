import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { fieldError, validationProblemBody } from '@/api/contract/problem-bodies';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { paths } from '@/config/paths';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, currentUrl, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { UsersPage } from './users-page';

const backend = backendForThisFile('demo');

const PASSWORD = 'a long enough password';

function recordWrites() {
  const bodies: unknown[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'GET') return;
    const text = await request.clone().text();
    bodies.push(text ? JSON.parse(text) : undefined);
  });
  return bodies;
}

async function renderPage(search = '') {
  const rendered = renderWithProviders([{ path: paths.users, element: <UsersPage /> }], { initialEntries: [`${paths.users}${search}`] });
  await screen.findByRole('table', { name: 'Users' });
  return rendered;
}

const rowOf = (name: string) => within(screen.getByRole('table', { name: 'Users' })).getByRole('row', { name: new RegExp(name) });
const capacity = (scope: HTMLElement) => within(scope).getByRole('spinbutton', { name: 'Capacity' });

async function openEdit(user: Awaited<ReturnType<typeof renderPage>>['user'], name: string) {
  await user.click(within(rowOf(name)).getByRole('button', { name: `Edit ${name}` }));
  return screen.findByRole('dialog', { name: `Edit ${name}` });
}

// A dialog with rows of fields, typed into on a shared machine.
describe('A user’s capacity and skills', { timeout: 30_000 }, () => {
  test('capacity starts at 3 units with a hint on what a conversation costs; skills are added, levelled and removed by keyboard', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    const add = await screen.findByRole('dialog', { name: 'Add a user' });
    expect(capacity(add)).toHaveValue(3);
    expect(capacity(add)).toHaveAccessibleDescription(/in unit mode its capacity value, in profile mode 1/);
    expect(within(add).getByText('No skills yet.')).toBeInTheDocument();

    await user.type(within(add).getByRole('textbox', { name: 'Name' }), 'Noora Niemi');
    await user.type(within(add).getByRole('textbox', { name: 'Email' }), 'noora@contoso.example');
    await user.type(within(add).getByLabelText(/^Initial password/, { selector: 'input' }), PASSWORD);
    await user.clear(capacity(add));
    await user.type(capacity(add), '5');

    await user.click(within(add).getByRole('button', { name: 'Add skill' }));
    // The new row's name has focus, so the keyboard goes on.
    expect(within(add).getByRole('textbox', { name: 'Skill 1' })).toHaveFocus();
    await user.keyboard('Finnish');
    await user.tab();
    expect(within(add).getByRole('spinbutton', { name: 'Level of skill 1' })).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}9');
    await user.click(within(add).getByRole('button', { name: 'Add skill' }));
    await user.keyboard('Swedish');
    await user.click(within(add).getByRole('button', { name: 'Add skill' }));
    await user.keyboard('Billing');
    await user.click(within(add).getByRole('button', { name: 'Remove skill 2' }));
    expect(within(add).getByRole('button', { name: 'Add skill' })).toHaveFocus();
    await user.click(within(add).getByRole('button', { name: 'Add user' }));

    expect(await screen.findByText(/Noora Niemi was added/)).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(writes).toEqual([
      {
        name: 'Noora Niemi',
        email: 'noora@contoso.example',
        role: 'agent',
        password: PASSWORD,
        capacity: 5,
        skills: [{ name: 'Finnish', level: 9 }, { name: 'Billing', level: 5 }],
      },
    ]);
    const row = within(await screen.findByRole('row', { name: /Noora Niemi/ })).getAllByRole('cell');
    expect(row[3]).toHaveTextContent('Available');
    expect(row[4]).toHaveTextContent('5 units');
    expect(row[5]).toHaveTextContent('Finnish 9Billing 5');
  });

  test('a capacity or level out of range, an empty or repeated skill are worded on their fields and nothing is sent', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    const edit = await openEdit(user, 'Sam Taylor');
    await user.clear(capacity(edit));
    await user.type(capacity(edit), '0');
    await user.click(within(edit).getByRole('button', { name: 'Add skill' }));
    await user.keyboard('english');
    await user.tab();
    await user.keyboard('{Control>}a{/Control}11');
    await user.click(within(edit).getByRole('button', { name: 'Add skill' }));
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await within(edit).findByText('Capacity is a whole number of units from 1 to 100 (a conversation usually takes 1).')).toBeInTheDocument();
    expect(capacity(edit)).toHaveFocus();
    expect(within(edit).getByRole('textbox', { name: 'Skill 3' })).toHaveAccessibleDescription('This skill is already in the list.');
    expect(within(edit).getByRole('spinbutton', { name: 'Level of skill 3' })).toHaveAccessibleDescription(
      'A skill level is a whole number from 1 (beginner) to 10 (expert).',
    );
    expect(within(edit).getByRole('textbox', { name: 'Skill 4' })).toHaveAccessibleDescription(/Enter the skill’s name/);
    expect(writes).toEqual([]);
  });

  test('the server’s field errors land on the capacity and the skill they name', async () => {
    backend.server.use(
      http.patch('*/api/users/:id', () =>
        HttpResponse.json(validationProblemBody([fieldError('capacity', 'userCapacity.range'), fieldError('skills.0.level', 'skillLevel.range')]), {
          status: 422,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const { user } = await renderPage();
    const edit = await openEdit(user, 'Sam Taylor');
    await user.clear(capacity(edit));
    await user.type(capacity(edit), '7');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    expect(await within(edit).findByText(/Capacity is a whole number of units/)).toBeInTheDocument();
    expect(within(edit).getByRole('spinbutton', { name: 'Level of skill 1' })).toHaveAttribute('aria-invalid', 'true');
    expect(capacity(edit)).toHaveValue(7);
  });

  test('only a changed capacity or skill list is sent', async () => {
    const writes = recordWrites();
    const { user } = await renderPage();
    const edit = await openEdit(user, 'Sam Taylor');
    await user.click(within(edit).getByRole('button', { name: 'Remove skill 1' }));
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes to Sam Taylor saved.')).toBeInTheDocument();
    expect(writes).toEqual([{ version: 1, skills: [{ name: 'Billing', level: 5 }] }]);
  });

  test('an invitation from a queue opens Add user filled in; the new user becomes a member of that queue', async () => {
    const { user, router } = await renderPage(`?${new URLSearchParams({ invite: 'mikko.lahtinen@contoso.example', name: 'Mikko Lahtinen' })}`);
    const add = await screen.findByRole('dialog', { name: 'Add a user' });
    expect(within(add).getByRole('textbox', { name: 'Name' })).toHaveValue('Mikko Lahtinen');
    expect(within(add).getByRole('textbox', { name: 'Email' })).toHaveValue('mikko.lahtinen@contoso.example');
    // The address forgets the invitation, so a refresh does not open it again.
    await waitFor(() => expect(currentUrl(router)).toBe(paths.users));
    await expectNoAxeViolations();

    await user.type(within(add).getByLabelText(/^Initial password/, { selector: 'input' }), PASSWORD);
    await user.click(within(add).getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText(/Mikko Lahtinen was added/)).toBeInTheDocument();
    const mikko = backend.db.data.users.find((u) => u.email === 'mikko.lahtinen@contoso.example')!;
    expect(backend.db.data.queues.find((q) => q.id === demoIds.finnishQueue)).toMatchObject({
      memberIds: expect.arrayContaining([mikko.id]),
      pendingMembers: [],
    });
  });

  test('the users page and the edit dialog have no axe violations', async () => {
    const { user } = await renderPage();
    await expectNoAxeViolations();
    await openEdit(user, 'Sam Taylor');
    await expectNoAxeViolations();
  });
});
