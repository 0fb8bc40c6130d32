import { screen, within } from '@testing-library/react';
import { useParams } from 'react-router';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, mixedName, replaceByPasting } from '@/testing/hostile-text';
import { backendForThisFile, demoIds, renderWithProviders } from '@/testing/render';
import { QueuesPage } from '../queues-list/queues-page';
import { EditQueuePage } from './edit-queue-page';
import { NewQueuePage } from './new-queue-page';
import { group, recordRequests, textbox } from '../../../../testing/features/queue-form';

const backend = backendForThisFile('demo');

function RoutedEditPage() {
  const { queueId = '' } = useParams();
  return <EditQueuePage queueId={queueId} />;
}

async function openNewQueue() {
  const rendered = renderWithProviders(
    [
      { path: paths.newQueue, element: <NewQueuePage /> },
      { path: '/queues/:queueId', element: <RoutedEditPage /> },
      { path: paths.queues, element: <QueuesPage /> },
    ],
    { initialEntries: [paths.queues, paths.newQueue] },
  );
  await screen.findByRole('heading', { level: 1, name: 'New queue' });
  return rendered;
}

const createButton = () => screen.getByRole('button', { name: 'Create queue' });
const memberSearch = () => screen.findByRole('combobox', { name: 'Add member' });

describe('Queue texts pasted from elsewhere', { timeout: 60_000 }, () => {
  test('far too long or with control characters: each field refuses in words, keeps the text, and nothing is sent', async () => {
    const requests = recordRequests(backend);
    const { user } = await openNewQueue();
    await replaceByPasting(user, textbox('Name'), hostile.huge);
    const opening = textbox('Opens', group('Period 1'));
    await replaceByPasting(user, opening, hostile.huge);
    await user.click(createButton());
    await expectFieldRefused(textbox('Name'), 'Keep the name to 100 characters or fewer.', hostile.huge);
    await expectFieldRefused(opening, 'Write the time as HH:MM on a 24-hour clock, for example 08:00 or 17:30.', hostile.huge);

    await replaceByPasting(user, textbox('Name'), hostile.nul);
    await replaceByPasting(user, opening, '09:00\u0000');
    await user.click(createButton());
    await expectFieldRefused(textbox('Name'), controlCharacterMessage, hostile.nul);
    await expectFieldRefused(opening, 'Write the time as HH:MM on a 24-hour clock, for example 08:00 or 17:30.', '09:00\u0000');
    expect(requests).toEqual([]);
  });

  test('the member search takes any pasted text and says no user matches it, exactly as pasted', async () => {
    const { user } = await openNewQueue();
    const search = await memberSearch();
    await replaceByPasting(user, search, hostile.rtl);
    expect(search).toHaveValue(hostile.rtl);
    expect((await screen.findByRole('option', { name: `No user matches “${hostile.rtl}”.` })).textContent).toBe(`No user matches “${hostile.rtl}”.`);
    await replaceByPasting(user, search, hostile.huge);
    expect(search).toHaveValue(hostile.huge);
  });

  test('emoji, right-to-left and invisible format characters: saved, then shown exactly in the list and the edit form', async () => {
    backend.db.write((draft) => {
      const eero = draft.users.find((u) => u.id === demoIds.agentUser)!;
      eero.name = hostile.rtl;
      eero.email = 'דנה@דוגמה.ישראל';
    });
    const { user, router } = await openNewQueue();
    await replaceByPasting(user, textbox('Name'), mixedName);
    await replaceByPasting(user, await memberSearch(), hostile.rtl);
    await user.click(await screen.findByRole('option', { name: new RegExp(hostile.rtl) }));
    await user.click(createButton());

    const table = await screen.findByRole('table', { name: 'Queues' });
    expect((await within(table).findByText(mixedName, exactly)).textContent).toBe(mixedName);
    const stored = backend.db.data.queues.find((q) => q.name === mixedName);
    expect(stored?.memberIds).toEqual([demoIds.agentUser]);

    await router.navigate(paths.queue(stored!.id));
    await screen.findByRole('heading', { level: 1, name: `Edit ${mixedName}` });
    expect(textbox('Name')).toHaveValue(mixedName);
    const member = within(await screen.findByRole('list', { name: 'Members' })).getByRole('listitem');
    expect((await within(member).findByText(hostile.rtl, exactly)).textContent).toBe(hostile.rtl);
    expect(within(member).getByText('דנה@דוגמה.ישראל', exactly)).toBeInTheDocument();
  });
});
