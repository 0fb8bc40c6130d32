import { screen, within } from '@testing-library/react';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { renderWithProviders, type createTestBackend } from '@/testing/render';
import { EditQueuePage } from '../../features/queues/components/queue-form/edit-queue-page';
import { NewQueuePage } from '../../features/queues/components/queue-form/new-queue-page';

type Backend = ReturnType<typeof createTestBackend>;

export const LIST_STUB = 'Queues list stub';
export const BILLING_ID = '7eb1df65-ac23-4016-b817-c3de45f6a7b8';

function RoutedEditPage() {
  const { queueId = '' } = useParams();
  return <EditQueuePage queueId={queueId} />;
}

export function renderQueuePage(path: string) {
  return renderWithProviders(
    [
      { path: paths.newQueue, element: <NewQueuePage /> },
      { path: '/queues/:queueId', element: <RoutedEditPage /> },
      { path: paths.queues, element: <p>{LIST_STUB}</p> },
    ],
    { initialEntries: [paths.queues, path] },
  );
}

export const textbox = (name: string, container: HTMLElement = document.body) => within(container).getByRole('textbox', { name });
export const group = (name: string) => screen.getByRole('group', { name });

/** The JSON bodies of the writes the mock receives while a test runs. */
export function recordRequests(backend: Backend) {
  const bodies: { method: string; path: string; body: unknown }[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'GET') return;
    const text = await request.clone().text();
    bodies.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined });
  });
  return bodies;
}
