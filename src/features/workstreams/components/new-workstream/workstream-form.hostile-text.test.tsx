import { cleanup, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { useParams } from 'react-router';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, replaceByPasting, unicodeName, recordWrites } from '@/testing/hostile-text';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { EditWorkstreamPage } from '../edit-workstream/edit-workstream-page';
import { WorkstreamsPage } from '../workstreams-list/workstreams-page';
import { NewWorkstreamPage } from './new-workstream-page';

const backend = backendForThisFile('demo');

function RoutedEditPage() {
  const { workstreamId = '' } = useParams();
  return <EditWorkstreamPage workstreamId={workstreamId} />;
}

function renderNew() {
  return renderWithProviders(
    [
      { path: paths.newWorkstream, element: <NewWorkstreamPage /> },
      { path: paths.workstreams, element: <WorkstreamsPage /> },
      { path: '/workstreams/:workstreamId', element: <RoutedEditPage /> },
    ],
    { initialEntries: [paths.workstreams, paths.newWorkstream] },
  );
}

const nameInput = () => screen.getByRole('textbox', { name: 'Name', description: /Shown to administrators/ });
const VARIABLE_NAME_MESSAGE = 'A variable name starts with a letter and has only letters, digits and underscores (at most 50).';
const createButton = () => screen.getByRole('button', { name: 'Create workstream' });

async function openForm() {
  const rendered = renderNew();
  await screen.findByRole('heading', { level: 1, name: 'New workstream' });
  const queue = screen.getByRole('combobox', { name: 'Fallback queue' });
  await within(queue).findByRole('option', { name: 'General support' });
  await rendered.user.selectOptions(queue, 'General support');
  return rendered;
}

/** Creates a workstream with this name; checks the list, the stored row and the edit form show it exactly. */
async function createAndReadBack(name: string) {
  const { user, router } = await openForm();
  await replaceByPasting(user, nameInput(), name);
  await user.click(createButton());

  const table = await screen.findByRole('table', { name: 'Workstreams' });
  const cell = await within(table).findByText(name, exactly);
  expect(cell.textContent).toBe(name);
  const stored = backend.db.data.workstreams.find((w) => w.name === name);
  expect(stored, 'stored exactly as pasted').toBeDefined();

  await router.navigate(paths.workstream(stored!.id));
  // An accessible name collapses runs of spaces, so the heading's own text is compared instead.
  await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(name));
  expect(nameInput()).toHaveValue(name);
}

describe('Workstream names pasted from elsewhere', { timeout: 60_000 }, () => {
  test('far too long, or with NUL or another control character: refused on the field, text kept, nothing sent', async () => {
    const writes = recordWrites(backend);
    const { user } = await openForm();
    const cases = [
      [hostile.huge, 'Keep the name to 100 characters or fewer.'],
      [hostile.nul, controlCharacterMessage],
      [hostile.bell, controlCharacterMessage],
    ] as const;
    for (const [text, message] of cases) {
      await replaceByPasting(user, nameInput(), text);
      await user.click(createButton());
      await expectFieldRefused(nameInput(), message, text);
    }

    await user.click(screen.getByRole('button', { name: 'Quick replies' }));
    await user.click(screen.getByRole('button', { name: 'Add quick reply' }));
    const replyTitle = screen.getByRole('textbox', { name: 'Title' });
    await replaceByPasting(user, replyTitle, hostile.bell);
    await user.click(createButton());
    await expectFieldRefused(replyTitle, controlCharacterMessage, hostile.bell);

    await user.click(screen.getByRole('button', { name: 'Context variables' }));
    await user.click(screen.getByRole('button', { name: 'Add context variable' }));
    const variable = within(screen.getByRole('group', { name: 'Context variable 1' })).getByRole('textbox', { name: 'Name' });
    for (const text of [hostile.huge, hostile.emoji, hostile.rtl, `order${hostile.nul}`]) {
      await replaceByPasting(user, variable, text);
      await user.click(createButton());
      await expectFieldRefused(variable, VARIABLE_NAME_MESSAGE, text);
    }
    expect(writes).toEqual([]);
  });

  test.each([
    ['emoji with ZWJ sequences and flags', hostile.emoji],
    ['Arabic and Hebrew', hostile.rtl],
    ['a zero-width space and a right-to-left override', hostile.invisible],
    ['two spaces in a row (found by the property below)', 'x  a'],
  ])('%s: saved and shown back exactly', async (_, name) => {
    await createAndReadBack(name);
  });

  test('any mix of scripts, emoji and format characters is saved and shown back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(unicodeName, async (name) => {
        cleanup();
        backend.db.reset();
        await createAndReadBack(name);
      }),
      { numRuns: 3 },
    );
  });
});
