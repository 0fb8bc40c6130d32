import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { backendForThisFile, currentUrl, demoIds, renderWithProviders } from '@/testing/render';
import { AccountsPage } from '@/features/accounts/components/accounts-list/accounts-page';

backendForThisFile('demo');

describe('the sandbox checklist in the accounts list', () => {
  test('only the account on the sandbox number links to its checklist, which the link opens', async () => {
    const { user, router } = renderWithProviders(
      [
        { path: paths.accounts, element: <AccountsPage /> },
        { path: '/channels/accounts/:id/sandbox', element: <h1>Checklist stub</h1> },
      ],
      { initialEntries: [paths.accounts] },
    );
    const table = await screen.findByRole('table', { name: 'Messaging accounts' });
    const nordics = within(table).getByRole('row', { name: /Contoso Nordics/ });
    expect(within(nordics).queryByRole('link', { name: /Sandbox checklist/ })).not.toBeInTheDocument();

    await user.click(within(table).getByRole('link', { name: 'Sandbox checklist of Contoso support (sandbox)' }));
    expect(await screen.findByRole('heading', { name: 'Checklist stub' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe(paths.accountSandbox(demoIds.sandboxAccount));
  });
});
