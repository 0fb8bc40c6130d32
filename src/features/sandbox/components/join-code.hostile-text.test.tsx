import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { expectFieldRefused, hostile, replaceByPasting } from '@/testing/hostile-text';
import { backendForThisFile, demoIds, renderWithProviders } from '@/testing/render';
import { SandboxChecklistPage } from './sandbox-checklist-page';

const backend = backendForThisFile('demo');

const storedCode = () => backend.db.data.sandboxes.find((s) => s.accountId === demoIds.sandboxAccount)?.joinCode;

describe('The sandbox join code pasted from elsewhere', { timeout: 60_000 }, () => {
  test('huge, control-character, emoji and right-to-left codes are refused on the field, which keeps them', async () => {
    const { user } = renderWithProviders(
      <main>
        <SandboxChecklistPage accountId={demoIds.sandboxAccount} />
      </main>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Twilio sandbox checklist' });
    const join = screen.getByRole('listitem', { name: /^1\. Share the join code/ });
    const code = within(join).getByRole('textbox', { name: /^Join code/ });
    for (const text of [hostile.huge, `join bright${hostile.nul}harbor`, `join ${hostile.emoji}`, `join ${hostile.rtl}`]) {
      await replaceByPasting(user, code, text);
      await user.click(within(join).getByRole('button', { name: 'Save code' }));
      await expectFieldRefused(code, 'This value is not valid.', text);
    }
    expect(storedCode()).toBe('bright-harbor');
  });
});
