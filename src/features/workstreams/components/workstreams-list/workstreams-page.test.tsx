import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { backendForThisFile, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { WorkstreamsPage } from './workstreams-page';

const backend = backendForThisFile('demo');

const SUPPORT = 'WhatsApp customer support';
const SALES = 'Nordic sales';
const SUPPORT_ID = '8fc2e076-bd34-4127-8928-d4ef56a7b8c9';
const SALES_ID = '90d3f187-ce45-4238-9a39-e5f067b8c9da';

function renderList(search = '') {
  return renderWithProviders(
    [
      { path: paths.workstreams, element: <WorkstreamsPage /> },
      { path: paths.newWorkstream, element: <p>New stub</p> },
      { path: '/workstreams/:id', element: <p>Edit stub</p> },
      { path: '/workstreams/:id/whatsapp', element: <p>Setup stub</p> },
    ],
    { initialEntries: [`${paths.workstreams}${search}`] },
  );
}

const row = async (name: string) => within(await screen.findByRole('table', { name: 'Workstreams' })).getByRole('row', { name: new RegExp(name) });

describe('Workstreams list', () => {
  test('shows each workstream by name: distribution mode, fallback queue, WhatsApp number and rule count', async () => {
    renderList();
    const table = await screen.findByRole('table', { name: 'Workstreams' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([SALES, SUPPORT]);

    const support = await row(SUPPORT);
    const cells = within(support).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual([SUPPORT, 'Push', 'General support', '+14155238886', '3']);

    const sales = await row(SALES);
    expect(within(sales).getAllByRole('cell').map((c) => c.textContent).slice(0, 5)).toEqual([
      SALES,
      'Pick',
      'General support',
      'Not set upSet up WhatsApp',
      '0',
    ]);
  });

  test('"Set up WhatsApp" leads to the wizard of that workstream; Edit to its page; New workstream to the form', async () => {
    const { user, router } = renderList();
    await user.click(within(await row(SALES)).getByRole('link', { name: `Set up WhatsApp for ${SALES}` }));
    expect(router.state.location.pathname).toBe(`/workstreams/${SALES_ID}/whatsapp`);
    await router.navigate(paths.workstreams);
    await user.click(await screen.findByRole('link', { name: `Edit ${SUPPORT}` }));
    expect(router.state.location.pathname).toBe(paths.workstream(SUPPORT_ID));
    await router.navigate(paths.workstreams);
    await user.click(await screen.findByRole('link', { name: 'New workstream' }));
    expect(await screen.findByText('New stub')).toBeInTheDocument();
  });

  test('an empty list explains itself and leads to New workstream', async () => {
    backend.db.write((data) => {
      data.workstreams = [];
    });
    const { user } = renderList();
    expect(await screen.findByRole('heading', { name: 'No workstreams yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'New workstream' }));
    expect(await screen.findByText('New stub')).toBeInTheDocument();
  });

  test('a failed load says so and can be retried', async () => {
    backend.server.use(http.get('/api/workstreams', () => HttpResponse.error(), { once: true }));
    const { user } = renderList();
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('Deleting a workstream', () => {
  test('names the impact first: the number it frees and the rules it deletes; Cancel keeps everything', async () => {
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${SUPPORT}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Delete ${SUPPORT}?` });
    const impact = within(dialog).getAllByRole('listitem').map((item) => item.textContent);
    expect(impact).toEqual([
      'Frees +14155238886 (Twilio sandbox) from WhatsApp, so that another workstream can use it',
      'Deletes its 3 routing rules',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(backend.db.data.workstreams).toHaveLength(2);
  });

  test('a workstream without WhatsApp or rules says nothing else depends on it', async () => {
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${SALES}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Delete ${SALES}?` });
    expect(dialog).toHaveTextContent('No WhatsApp number and no routing rules depend on it.');
    expect(within(dialog).queryByRole('listitem')).not.toBeInTheDocument();
  });

  test('deletes on confirm, says so, and the number is free again', async () => {
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${SUPPORT}` }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(`${SUPPORT} was deleted.`)).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(within(screen.getByRole('table')).queryByText(SUPPORT)).not.toBeInTheDocument();
    expect(backend.db.data.workstreams.map((w) => w.name)).toEqual([SALES]);
    expect(backend.db.data.workstreams.some((w) => w.whatsapp !== null)).toBe(false);
  });

  test('a server error keeps the dialog open with the reason, and the retry works', async () => {
    const { user } = renderList();
    backend.faults.failNextWrite();
    await user.click(await screen.findByRole('button', { name: `Delete ${SALES}` }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(backend.db.data.workstreams).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(`${SALES} was deleted.`)).toBeInTheDocument();
  });
});
