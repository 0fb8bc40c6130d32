import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LiveEvent } from '@/api/contract/live-event';
import { expectNoAxeViolations } from '@/testing/axe';
import { createTestBackend, currentUrl, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { AppHeader } from '../app-header';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
let stream: ReturnType<typeof installScriptedEventSource>;
beforeEach(() => {
  stream = installScriptedEventSource();
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

const CONVERSATION = '0f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a10';

const assignment = (overrides: Partial<Extract<LiveEvent, { type: 'assignment' }>> = {}): LiveEvent => ({
  type: 'assignment',
  conversationId: CONVERSATION,
  assigneeId: demoIds.adminUser,
  notification: { template: 'messagingIncoming', queueName: 'Billing', customerName: null, preview: null },
  ...overrides,
});

/** A browser whose Notification API answers permission requests as given, recording what was shown. */
function stubNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: { title: string; options: NotificationOptions }[] = [];
  const Fake = Object.assign(
    function FakeNotification(this: unknown, title: string, options: NotificationOptions) {
      shown.push({ title, options });
    },
    { permission, requestPermission: vi.fn(() => Promise.resolve((Fake.permission = answer))) },
  );
  vi.stubGlobal('Notification', Fake);
  return { shown, Fake };
}

async function renderHeader() {
  const rendered = renderWithProviders(
    [
      { path: '/queues', element: <><AppHeader /><h1>Queues</h1></> },
      { path: '/conversations/:id', element: <h1>Conversation page</h1> },
    ],
    { initialEntries: ['/queues'] },
  );
  await screen.findByRole('button', { name: 'Account: Aino Admin' });
  stream.latest().open();
  return rendered;
}

describe('an assignment event', () => {
  test('shows a toast worded by the template, with a button that opens the conversation', async () => {
    const { user, router } = await renderHeader();
    stream.latest().send(assignment(), 'assignment');
    const toast = (await screen.findByText('New conversation in Billing')).closest('[role]')!.parentElement!;
    expect(toast).not.toHaveTextContent('Maria');
    await user.click(within(toast as HTMLElement).getByRole('button', { name: 'Open conversation' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/conversations/${CONVERSATION}`));
  });

  test('with the preview template, the customer and the message; an event for someone else shows nothing', async () => {
    await renderHeader();
    stream.latest().send(assignment({ assigneeId: demoIds.ainoAgent }), 'assignment');
    stream.latest().send(
      assignment({ notification: { template: 'messagingIncomingWithPreview', queueName: 'Billing', customerName: 'Maria Virtanen', preview: 'Where is my order?' } }),
      'assignment',
    );
    expect(await screen.findByText('Maria Virtanen: Where is my order?')).toBeInTheDocument();
    expect(screen.getByText('Queue: Billing')).toBeInTheDocument();
    expect(screen.queryByText('New conversation in Billing')).not.toBeInTheDocument();
  });

  test('no browser notification until the user opts in; then one, tagged with the conversation', async () => {
    const { shown } = stubNotifications('granted');
    const { user } = await renderHeader();
    stream.latest().send(assignment(), 'assignment');
    await screen.findByText('New conversation in Billing');
    expect(shown).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Account: Aino Admin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Notifications' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(within(dialog).getByRole('switch', { name: 'Browser notifications' }));
    expect(within(dialog).getByRole('switch', { name: 'Browser notifications' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitForDialogsToClose();

    stream.latest().send(assignment({ conversationId: '1f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a11' }), 'assignment');
    await waitFor(() => expect(shown).toEqual([{ title: 'New conversation in Billing', options: { body: '', tag: '1f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a11' } }]));
  });
});

describe('notification settings', () => {
  test('enabling browser notifications asks permission; denied says how to allow it and stays off', async () => {
    const { Fake } = stubNotifications('default', 'denied');
    const { user } = await renderHeader();
    await user.click(screen.getByRole('button', { name: 'Account: Aino Admin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Notifications' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    const browser = within(dialog).getByRole('switch', { name: 'Browser notifications' });
    await user.click(browser);
    expect(Fake.requestPermission).toHaveBeenCalledOnce();
    expect(await within(dialog).findByText(/Your browser blocks notifications from this site\. Allow them/)).toBeInTheDocument();
    expect(browser).not.toBeChecked();
    await expectNoAxeViolations(dialog);
  });

  test('the sound switch is kept per user across visits; the dialog gives focus back to the menu', async () => {
    stubNotifications('default');
    const { user, unmount } = await renderHeader();
    const trigger = screen.getByRole('button', { name: 'Account: Aino Admin' });
    await user.click(trigger);
    await user.click(await screen.findByRole('menuitem', { name: 'Notifications' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(within(dialog).getByRole('switch', { name: 'Sound' }));
    await user.keyboard('{Escape}');
    await waitForDialogsToClose();
    expect(trigger).toHaveFocus();
    expect(JSON.parse(localStorage.getItem(`admin-center:notifications:${demoIds.adminUser}`)!)).toEqual({ browser: false, sound: true });
    unmount();

    const again = await renderHeader();
    await again.user.click(screen.getByRole('button', { name: 'Account: Aino Admin' }));
    await again.user.click(await screen.findByRole('menuitem', { name: 'Notifications' }));
    expect(within(await screen.findByRole('dialog', { name: 'Notifications' })).getByRole('switch', { name: 'Sound' })).toBeChecked();
  });
});
