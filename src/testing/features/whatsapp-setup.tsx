import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { paths } from '@/config/paths';
import { createTestBackend, renderWithProviders } from '@/testing/render';
import { draftFromSetup, type SetupDraft } from '../../features/workstreams/components/whatsapp-setup/setup-draft';
import { WhatsAppSetupPage } from '../../features/workstreams/components/whatsapp-setup/whatsapp-setup-page';

/** The demo seed's ids (src/mocks/seed.ts), repeated: features do not import the mocks. */
export const ids = {
  sales: '90d3f187-ce45-4238-9a39-e5f067b8c9da',
  support: '8fc2e076-bd34-4127-8928-d4ef56a7b8c9',
  helsinki: '3a7d9b21-6e8f-4ca2-b4d3-8f9a01b2c3d4',
  stockholm: '4b8eac32-7f90-4db3-85e4-90ab12c3d4e5',
  sandbox: 'c5d1f0a2-9e33-4b7c-8f61-2a4b6c8d0e12',
};

export const WORKSTREAM_STUB = 'Workstream page stub';

/** A mock backend with the demo seed for the test file, fresh data and no draft before each test. */
export function startDemoBackend() {
  const backend = createTestBackend('demo');
  beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    backend.db.reset();
    sessionStorage.clear();
  });
  afterEach(() => backend.server.resetHandlers());
  afterAll(() => backend.server.close());
  return backend;
}

export function renderSetup(workstreamId = ids.sales, step?: string) {
  return renderWithProviders(
    [
      { path: '/workstreams/:workstreamId/whatsapp', element: <SetupRoute /> },
      { path: '/workstreams/:workstreamId', element: <p>{WORKSTREAM_STUB}</p> },
    ],
    { initialEntries: [paths.workstream(workstreamId), paths.whatsAppSetup(workstreamId, step)] },
  );
}

function SetupRoute() {
  const { workstreamId = '' } = useParams();
  return <WhatsAppSetupPage workstreamId={workstreamId} />;
}

export const nextButton = () => screen.getByRole('button', { name: 'Next' });

export function stepHeading(name: string) {
  return screen.findByRole('heading', { level: 2, name });
}

export async function chooseNumber(user: UserEvent, name: RegExp) {
  await stepHeading('WhatsApp number');
  await user.click(screen.getByRole('radio', { name }));
  await user.click(nextButton());
}

export async function chooseLanguage(user: UserEvent, search: string, option: string) {
  await stepHeading('Language');
  const box = screen.getByRole('combobox', { name: 'Language' });
  await user.click(box);
  await user.type(box, search);
  await user.click(await screen.findByRole('option', { name: option }));
  await user.click(nextButton());
}

export function messageSection(title: string) {
  return within(screen.getByRole('region', { name: title }));
}

/** Starts the wizard as if the admin had already made these choices (a draft from before a reload). */
export function storeDraft(workstreamId: string, version: number, choices: Partial<SetupDraft>) {
  const draft: SetupDraft = { ...draftFromSetup(null, version), ...choices };
  sessionStorage.setItem(`whatsapp-admin-setup-draft:${workstreamId}`, JSON.stringify(draft));
}
