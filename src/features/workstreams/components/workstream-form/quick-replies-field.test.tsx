import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { NewWorkstreamPage } from '../new-workstream/new-workstream-page';

const backend = backendForThisFile('demo');

function renderNew() {
  return renderWithProviders(
    [
      { path: paths.newWorkstream, element: <NewWorkstreamPage /> },
      { path: paths.workstreams, element: <p>List stub</p> },
    ],
    { initialEntries: [paths.workstreams, paths.newWorkstream] },
  );
}

function recordWrites() {
  const bodies: unknown[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method !== 'GET') bodies.push(JSON.parse(await request.clone().text()));
  });
  return bodies;
}

type User = ReturnType<typeof renderNew>['user'];

async function ready(user: User) {
  await screen.findByRole('heading', { level: 1, name: 'New workstream' });
  await within(screen.getByRole('combobox', { name: 'Fallback queue' })).findByRole('option', { name: 'General support' });
  return user;
}

async function fillRequired(user: User) {
  await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Returns');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Fallback queue' }), 'General support');
}

/** Adds a reply through the editor; braces are typed doubled, as user-event reads "{" as a key. */
async function addReply(user: User, title: string, body: string) {
  await user.click(screen.getByRole('button', { name: 'Add quick reply' }));
  await user.keyboard(title);
  const replies = screen.getAllByRole('textbox', { name: 'Text' });
  await user.type(replies[replies.length - 1]!, body);
}

// Whole pages typed into on a shared machine.
describe('Quick replies of a workstream', { timeout: 40_000 }, () => {
  test('a reply with a Finnish translation is created with the workstream; the variables to use are listed', async () => {
    const writes = recordWrites();
    const { user } = renderNew();
    await ready(user);
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Context variables' }));
    await user.click(screen.getByRole('button', { name: 'Add context variable' }));
    await user.keyboard('orderNumber');
    await user.click(screen.getByRole('button', { name: 'Quick replies' }));
    expect(screen.getByText('No quick replies.')).toBeInTheDocument();
    const variables = screen.getByRole('list', { name: /Variables you can use/ });
    expect(within(variables).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '{{customerName}}',
      '{{agent}}',
      '{{queue}}',
      '{{orderNumber}}',
    ]);

    await addReply(user, 'Order status', 'Hi {{{{customerName}}, order {{{{orderNumber}} is on its way.');
    const reply = screen.getByRole('group', { name: 'Order status' });
    await user.click(within(reply).getByRole('button', { name: 'Add translation' }));
    const translation = within(reply).getByRole('group', { name: 'Order status: translation 1' });
    const language = within(translation).getByRole('combobox', { name: 'Language' });
    await waitFor(() => expect(language).toHaveFocus());
    await user.type(language, 'Finn');
    await user.click(screen.getByRole('option', { name: 'Finnish (fi)' }));
    await user.type(within(translation).getByRole('textbox', { name: 'Translated text' }), 'Hei {{{{customerName}}, tilaus {{{{orderNumber}} on matkalla.');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Create workstream' }));

    expect(await screen.findByText('List stub')).toBeInTheDocument();
    expect(writes[0]).toMatchObject({
      advanced: {
        quickReplies: [
          {
            title: 'Order status',
            body: 'Hi {{customerName}}, order {{orderNumber}} is on its way.',
            translations: [{ language: 'fi', body: 'Hei {{customerName}}, tilaus {{orderNumber}} on matkalla.' }],
          },
        ],
      },
    });
  });

  test('an unknown variable, a missing title and a translation without a language are said at once with the other errors', async () => {
    const writes = recordWrites();
    const { user } = renderNew();
    await ready(user);
    await user.click(screen.getByRole('button', { name: 'Quick replies' }));
    await addReply(user, 'Refund', 'Your refund for {{{{orderNumber}} is on its way.');
    await user.click(screen.getByRole('button', { name: 'Add quick reply' }));
    await user.type(screen.getAllByRole('textbox', { name: 'Text' })[1]!, 'Thanks!');
    const second = screen.getByRole('group', { name: 'Quick reply 2' });
    await user.click(within(second).getByRole('button', { name: 'Add translation' }));
    await user.type(within(second).getByRole('textbox', { name: 'Translated text' }), 'Kiitos!');
    await user.click(screen.getByRole('button', { name: 'Create workstream' }));

    // The workstream's own fields and the replies' fields, all in one go.
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(screen.getByText('Choose a queue.')).toBeInTheDocument();
    const [firstText] = screen.getAllByRole('textbox', { name: 'Text' });
    expect(firstText).toHaveAccessibleDescription(expect.stringContaining('This text uses a variable the workstream does not have. Use {{customerName}}'));
    expect(within(second).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(expect.stringContaining('Enter a title for the quick reply.'));
    expect(within(second).getByRole('combobox', { name: 'Language' })).toHaveAccessibleDescription(expect.stringContaining('Choose a language.'));
    expect(writes).toEqual([]);

    // Defined as a context variable, the same text is fine.
    await user.click(screen.getByRole('button', { name: 'Context variables' }));
    await user.click(screen.getByRole('button', { name: 'Add context variable' }));
    await user.keyboard('orderNumber');
    await user.click(screen.getByRole('button', { name: 'Create workstream' }));
    await waitFor(() => expect(firstText).not.toHaveAccessibleDescription(expect.stringContaining('does not have')));
  });

  test('removing a reply asks first; Cancel keeps it', async () => {
    const { user } = renderNew();
    await ready(user);
    await user.click(screen.getByRole('button', { name: 'Quick replies' }));
    await addReply(user, 'Greeting', 'Hello {{{{customerName}}!');
    await addReply(user, 'Closing', 'Bye!');

    await user.click(screen.getByRole('button', { name: 'Remove Greeting' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Greeting?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('group', { name: 'Greeting' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove Greeting' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Greeting' })).not.toBeInTheDocument());
    expect(screen.getByRole('group', { name: 'Closing' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add quick reply' })).toHaveFocus();
  });
});
