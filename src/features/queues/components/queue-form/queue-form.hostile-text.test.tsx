import { screen, within } from '@testing-library/react';
import { useParams } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, mixedName, replaceByPasting } from '@/testing/hostile-text';
import { createTestBackend, renderWithProviders } from '@/testing/render';
import { QueuesPage } from '../queues-list/queues-page';
import { EditQueuePage } from './edit-queue-page';
import { NewQueuePage } from './new-queue-page';
import { group, recordRequests, textbox } from '../../../../testing/features/queue-form';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  backend.server.resetHandlers();
  backend.server.events.removeAllListeners();
  backend.db.reset();
});
afterAll(() => backend.server.close());

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
  await rendered.user.click(screen.getByRole('button', { name: 'Add member' }));
  return rendered;
}

const createButton = () => screen.getByRole('button', { name: 'Create queue' });
const memberName = () => textbox('Agent name', group('Member 1'));
const memberEmail = () => textbox('Email', group('Member 1'));
const EMAIL_MESSAGE = 'Enter an email address such as name@example.com.';

describe('Queue texts pasted from elsewhere', { timeout: 60_000 }, () => {
  test('far too long or with control characters: each field refuses in words, keeps the text, and nothing is sent', async () => {
    const requests = recordRequests(backend);
    const { user } = await openNewQueue();
    await replaceByPasting(user, textbox('Name'), hostile.huge);
    await replaceByPasting(user, memberName(), hostile.huge);
    await replaceByPasting(user, memberEmail(), `${hostile.huge}@example.com`);
    const opening = textbox('Opens', group('Period 1'));
    await replaceByPasting(user, opening, hostile.huge);
    await user.click(createButton());
    await expectFieldRefused(textbox('Name'), 'Keep the name to 100 characters or fewer.', hostile.huge);
    await expectFieldRefused(memberName(), 'Keep the agent’s name to 100 characters or fewer.', hostile.huge);
    await expectFieldRefused(memberEmail(), EMAIL_MESSAGE, `${hostile.huge}@example.com`);
    await expectFieldRefused(opening, 'Write the time as HH:MM on a 24-hour clock, for example 08:00 or 17:30.', hostile.huge);

    await replaceByPasting(user, textbox('Name'), hostile.nul);
    await replaceByPasting(user, memberName(), hostile.bell);
    await replaceByPasting(user, memberEmail(), 'tuki\u0007@example.com');
    await replaceByPasting(user, opening, '09:00\u0000');
    await user.click(createButton());
    await expectFieldRefused(textbox('Name'), controlCharacterMessage, hostile.nul);
    await expectFieldRefused(memberName(), controlCharacterMessage, hostile.bell);
    await expectFieldRefused(memberEmail(), EMAIL_MESSAGE, 'tuki\u0007@example.com');
    await expectFieldRefused(opening, 'Write the time as HH:MM on a 24-hour clock, for example 08:00 or 17:30.', '09:00\u0000');
    expect(requests).toEqual([]);
  });

  test('emoji, right-to-left and invisible format characters: saved, then shown exactly in the list and the edit form', async () => {
    const { user, router } = await openNewQueue();
    await replaceByPasting(user, textbox('Name'), mixedName);
    await replaceByPasting(user, memberName(), hostile.rtl);
    await replaceByPasting(user, memberEmail(), 'דנה@דוגמה.ישראל');
    await user.click(createButton());

    const table = await screen.findByRole('table', { name: 'Queues' });
    expect((await within(table).findByText(mixedName, exactly)).textContent).toBe(mixedName);
    const stored = backend.db.data.queues.find((q) => q.name === mixedName);
    expect(stored?.members).toEqual([{ name: hostile.rtl, email: 'דנה@דוגמה.ישראל' }]);

    await router.navigate(paths.queue(stored!.id));
    await screen.findByRole('heading', { level: 1, name: `Edit ${mixedName}` });
    expect(textbox('Name')).toHaveValue(mixedName);
    expect(memberName()).toHaveValue(hostile.rtl);
    expect(memberEmail()).toHaveValue('דנה@דוגמה.ישראל');
  });
});
