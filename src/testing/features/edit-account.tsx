import { screen } from '@testing-library/react';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { renderWithProviders, type createTestBackend } from '@/testing/render';
import { aConversation } from './conversations';
import { EditAccountPage } from '../../features/accounts/components/edit-account/edit-account-page';

type Backend = ReturnType<typeof createTestBackend>;

export const ACCOUNT_ID = '3f1c2b4a-0000-4000-8000-000000000001';
export const LIST_STUB = 'Accounts list stub';
export const SEEDED_AT = '2026-02-01T08:00:00.000Z';

/** Made-up credentials in the right shape. */
export const sample = {
  accountSid: 'AC' + 'a1b2c3d4'.repeat(4),
  otherSid: 'AC' + '0f0e0d0c'.repeat(4),
  authToken: '9f8e7d6c'.repeat(4),
};

interface SeedOptions {
  id?: string;
  name?: string;
  numbers?: { name: string; number: string }[];
}

/** Puts an account (version 1, token hint "1234") and its numbers into the mock's data. */
export function seedAccount(backend: Backend, { id = ACCOUNT_ID, name = 'Contoso support', numbers = [{ name: 'Helsinki', number: '+358401234567' }] }: SeedOptions = {}) {
  backend.db.write((draft) => {
    draft.accounts.push({
      id,
      name,
      channel: 'whatsapp',
      accountSid: sample.accountSid,
      authTokenHint: '1234',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      version: 1,
    });
    numbers.forEach((n, index) => {
      draft.numbers.push({ id: `${id}-number-${index + 1}`, accountId: id, ...n, createdAt: SEEDED_AT, version: 1 });
    });
  });
}

/** A workstream that has WhatsApp set up on the given number (the rest of it does not matter here). */
export function bindNumber(backend: Backend, numberId: string, workstream: { id: string; name: string }) {
  backend.db.write((draft) => {
    draft.workstreams.push({
      id: workstream.id,
      name: workstream.name,
      type: 'messaging',
      channel: 'whatsapp',
      distributionMode: 'push',
      fallbackQueueId: 'no-queue',
      capacity: { mode: 'unit', value: 1 },
      blockCapacityForWrapUp: false,
      wrapUpMinutes: 5,
      allowedPresences: ['available'],
      skillMatching: 'none',
      skillFallbackMinutes: 10,
      keepSameAgent: false,
      keepSameAgentDays: 7,
      advanced: { notificationTemplate: 'messagingIncoming', contextVariables: [], quickReplies: [] },
      bot: null,
      whatsapp: {
        numberId,
        language: 'en',
        automatedMessages: [],
        survey: { mode: 'off' },
        attachments: { customersCanSend: true, agentsCanSend: true },
        updatedAt: SEEDED_AT,
      },
      routing: { rules: [], version: 1, updatedAt: SEEDED_AT },
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      version: 1,
    });
  });
}

/** Open conversations customers started on a number of the account. */
export function openConversationsOn(backend: Backend, businessNumber: string, count: number, id = ACCOUNT_ID) {
  backend.db.write((draft) => {
    for (let i = 0; i < count; i += 1) {
      const seq = draft.conversations.length + 1;
      const conversation = aConversation({ id: `00000000-0000-4000-9000-${String(seq).padStart(12, '0')}`, accountId: id, businessNumber });
      draft.conversations.push({ ...conversation, seq, requiredSkills: [], outOfHoursNotified: false });
    }
  });
}

export const storedAccount = (backend: Backend, id = ACCOUNT_ID) => backend.db.data.accounts.find((a) => a.id === id)!;
export const storedNumbers = (backend: Backend, id = ACCOUNT_ID) => backend.db.data.numbers.filter((n) => n.accountId === id);

/** Someone else saves the account in the meantime. */
export function changeElsewhere(backend: Backend, change: { name?: string; accountSid?: string }, id = ACCOUNT_ID) {
  backend.db.write((draft) => {
    const account = draft.accounts.find((a) => a.id === id)!;
    Object.assign(account, change);
    account.version += 1;
  });
}

function RoutedPage() {
  const { accountId = '' } = useParams();
  return <EditAccountPage accountId={accountId} />;
}

export function renderEditPage(search = '', id = ACCOUNT_ID) {
  return renderWithProviders(
    [
      { path: '/channels/accounts/:accountId', element: <RoutedPage /> },
      { path: paths.accounts, element: <p>{LIST_STUB}</p> },
    ],
    { initialEntries: [paths.accounts, `${paths.account(id)}${search}`] },
  );
}

export const pageHeading = (name = 'Contoso support') => screen.findByRole('heading', { level: 1, name: `Edit ${name}` });

export const saveButton = () => screen.getByRole('button', { name: 'Save' });

/** The JSON bodies of the requests the mock receives while a test runs. */
export function recordRequests(backend: Backend) {
  const bodies: { method: string; path: string; body: unknown }[] = [];
  const listener = async ({ request }: { request: Request }) => {
    if (request.method === 'GET') return;
    const text = await request.clone().text();
    bodies.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined });
  };
  backend.server.events.on('request:start', listener);
  return bodies;
}
