import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { AuditEvent } from '@/api/contract/audit-event';
import { backendForThisFile, currentUrl, demoIds, renderWithProviders } from '@/testing/render';
import { AuditLogPage } from './audit-log-page';

const backend = backendForThisFile('demo');

const admin = { id: demoIds.adminUser, name: 'Aino Admin' };
const agent = { id: demoIds.agentUser, name: 'Eero Agent' };

let serial = 0;
function auditEvent(fields: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'entityType' | 'entityName'>): AuditEvent {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    at: new Date(Date.UTC(2026, 2, 1, 8, serial)).toISOString(),
    actor: admin,
    entityId: `entity-${serial}`,
    changedFields: [],
    ...fields,
  };
}

/** Events in the order they happened: the page shows them the other way round. */
function seedEvents(events: AuditEvent[]) {
  backend.db.write((draft) => {
    draft.auditEvents.push(...events);
  });
}

function seedHistory() {
  seedEvents([
    auditEvent({ action: 'created', entityType: 'queue', entityName: 'Billing', entityId: demoIds.billingQueue }),
    auditEvent({ action: 'updated', entityType: 'account', entityName: 'Contoso support', entityId: demoIds.sandboxAccount, changedFields: ['authToken', 'name'] }),
    auditEvent({ action: 'updated', entityType: 'template', entityName: 'order_update (fi)', changedFields: ['body', 'someNewField'], actor: agent }),
    auditEvent({ action: 'deleted', entityType: 'user', entityName: 'Sam Taylor' }),
  ]);
}

function renderPage(search = '') {
  return renderWithProviders([{ path: '/audit-log', element: <AuditLogPage /> }, { path: '*', element: <p>Elsewhere</p> }], {
    initialEntries: [`/audit-log${search}`],
  });
}

const table = () => screen.findByRole('table', { name: 'Changes, newest first' });
const rows = async () => within(await table()).getAllByRole('row').slice(1);
const cellTexts = async (column: number) => (await rows()).map((row) => within(row).getAllByRole('cell')[column]!.textContent);
const select = (name: string) => screen.getByRole('combobox', { name });

describe('Audit log page', () => {
  test('an empty log says what will appear here', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Nothing has changed yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  test('shows the changes newest first: when, who, what, and the fields in words, a secret only as changed', async () => {
    seedHistory();
    renderPage();
    const headers = within(await table()).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['When', 'Who', 'Action', 'What', 'Changed fields']);
    expect(await cellTexts(3)).toEqual(['User: Sam Taylor', 'Message template: order_update (fi)', 'Messaging account: Contoso support', 'Queue: Billing']);
    expect(await cellTexts(2)).toEqual(['Deleted', 'Changed', 'Changed', 'Created']);
    expect(await cellTexts(1)).toEqual(['Aino Admin', 'Eero Agent', 'Aino Admin', 'Aino Admin']);

    const [deleted, template, account, created] = await rows();
    expect(within(account!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Auth token (changed)', 'Name']);
    expect(within(template!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Text', 'someNewField']);
    expect(within(created!).getAllByRole('cell')[4]).toHaveTextContent('—');

    expect(within(account!).getByRole('link', { name: 'Contoso support' })).toHaveAttribute('href', `/channels/accounts/${demoIds.sandboxAccount}`);
    expect(within(created!).getByRole('link', { name: 'Billing' })).toHaveAttribute('href', `/queues/${demoIds.billingQueue}`);
    expect(within(deleted!).queryByRole('link')).not.toBeInTheDocument();

    const time = within(created!).getAllByRole('cell')[0]!.querySelector('time')!;
    expect(time).toHaveAttribute('datetime', '2026-03-01T08:01:00.000Z');
    expect(time.textContent).toMatch(/2026/);
    expect(screen.getByRole('status')).toHaveTextContent('4 changes shown');
  });

  test('a renumbered number shows the old and new number and the workstream that used it', async () => {
    seedEvents([
      auditEvent({
        action: 'updated',
        entityType: 'number',
        entityName: 'Oslo',
        changedFields: ['number'],
        renumbered: { from: '+4791234567', to: '+4791234568', workstream: { id: 'ws-1', name: 'Norway sales' } },
      }),
      auditEvent({ action: 'updated', entityType: 'number', entityName: 'Bergen', changedFields: ['number'], renumbered: { from: '+4790000001', to: '+4790000002', workstream: null } }),
    ]);
    renderPage();
    const [free, bound] = await rows();
    expect(within(bound!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Phone number', '+4791234567 → +4791234568, used by Norway sales']);
    expect(within(free!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Phone number', '+4790000001 → +4790000002']);
  });

  test('the filters narrow the log and are kept in the address', async () => {
    seedHistory();
    const { user, router } = renderPage();
    await table();

    await user.selectOptions(select('Record type'), 'Messaging account');
    await waitFor(() => expect(currentUrl(router)).toBe('/audit-log?entityType=account'));
    await waitFor(async () => expect(await cellTexts(3)).toEqual(['Messaging account: Contoso support']));

    await user.selectOptions(select('Record type'), 'All');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'User' }), 'Eero Agent');
    await waitFor(() => expect(currentUrl(router)).toBe(`/audit-log?actorId=${demoIds.agentUser}`));
    await waitFor(async () => expect(await cellTexts(3)).toEqual(['Message template: order_update (fi)']));

    await user.selectOptions(select('Action'), 'Deleted');
    expect(await screen.findByRole('heading', { name: 'No changes match these filters' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/audit-log'));
    expect(select('Record type')).toHaveFocus();
    await waitFor(async () => expect(await rows()).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  test('filters in the address apply when the page opens', async () => {
    seedHistory();
    renderPage('?action=created&entityType=queue');
    expect(await cellTexts(3)).toEqual(['Queue: Billing']);
    expect(select('Action')).toHaveValue('created');
    expect(select('Record type')).toHaveValue('queue');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });

  test('Load older changes fetches the next page until the oldest change', async () => {
    seedEvents(Array.from({ length: 55 }, (_, i) => auditEvent({ action: 'created', entityType: 'queue', entityName: `Queue ${i + 1}` })));
    const { user } = renderPage();
    await waitFor(async () => expect(await rows()).toHaveLength(50));
    expect((await cellTexts(3))[0]).toBe('Queue: Queue 55');
    expect(screen.getByRole('status')).toHaveTextContent('50 changes shown');

    await user.click(screen.getByRole('button', { name: 'Load older changes' }));
    await waitFor(async () => expect(await rows()).toHaveLength(55));
    expect((await cellTexts(3)).at(-1)).toBe('Queue: Queue 1');
    expect(screen.queryByRole('button', { name: 'Load older changes' })).not.toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('55 changes shown That is the oldest change.');
    expect(status).toHaveFocus();
  });
});
