import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { controlCharacterMessage, expectFieldRefused, hostile, mixedName, replaceByPasting } from '@/testing/hostile-text';
import { createTestBackend, waitForDialogsToClose } from '@/testing/render';
import { renderRoutingPage, ruleDialog, ruleHeadings, ruleList, supportWorkstream, withoutContextVariableRules } from '../../../testing/features/routing';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => withoutContextVariableRules(backend));
afterEach(() => {
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

const storedRules = () => supportWorkstream(backend).routing.rules;
const open = () => renderRoutingPage(supportWorkstream(backend).id);

async function openNewRule() {
  const rendered = await open();
  await rendered.user.click(screen.getByRole('button', { name: 'Add rule' }));
  const dialog = await ruleDialog();
  const condition = within(dialog).getByRole('group', { name: 'Condition 1' });
  await rendered.user.selectOptions(within(condition).getByRole('combobox', { name: 'Field' }), 'First message');
  return {
    ...rendered,
    dialog,
    name: within(dialog).getByRole('textbox', { name: 'Rule name' }),
    value: within(condition).getByRole('textbox', { name: 'Value' }),
  };
}

describe('Routing rules with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('a huge or control-character rule name and condition value are refused in the dialog, which keeps them', async () => {
    const { user, dialog, name, value } = await openNewRule();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target queue' }), 'Billing');
    for (const [text, nameMessage, valueMessage] of [
      [hostile.huge, 'Keep the rule name to 100 characters or fewer.', 'Keep the value to 200 characters or fewer.'],
      [hostile.nul, controlCharacterMessage, controlCharacterMessage],
      [hostile.bell, controlCharacterMessage, controlCharacterMessage],
    ] as const) {
      await replaceByPasting(user, name, text);
      await replaceByPasting(user, value, text);
      await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
      await expectFieldRefused(name, nameMessage, text);
      await expectFieldRefused(value, valueMessage, text);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(ruleHeadings()).toHaveLength(2);
  });

  test('a rule named with emoji and a right-to-left condition is saved, and shown exactly after a reload', async () => {
    const { user, dialog, name, value } = await openNewRule();
    await replaceByPasting(user, name, mixedName);
    await replaceByPasting(user, value, hostile.rtl);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target queue' }), 'Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitForDialogsToClose();
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();
    expect(storedRules()[2]).toMatchObject({ name: mixedName, conditions: [{ field: 'firstMessage', operator: 'contains', value: hostile.rtl }] });

    cleanup();
    await open();
    expect(ruleHeadings()).toEqual(['1. Finnish numbers', '2. Invoices and payments', `3. ${mixedName}`]);
    const item = within(ruleList()).getByRole('listitem', { name: `3. ${mixedName}` });
    expect(within(item).getByText(`First message contains “${hostile.rtl}”`)).toBeInTheDocument();
  });

  test('the rule tester takes a huge paste and text in other scripts without breaking, and still matches', async () => {
    const { user } = await open();
    const tester = screen.getByRole('region', { name: 'Rule tester' });
    const message = within(tester).getByRole('textbox', { name: 'First message' });
    await replaceByPasting(user, message, hostile.huge);
    expect(within(tester).getByRole('status')).toHaveTextContent('No rule matches → fallback queue General support');
    await replaceByPasting(user, message, `${hostile.rtl} ${hostile.emoji} invoice\u200b 42`);
    expect(within(tester).getByRole('status')).toHaveTextContent('Matches rule 2 “Invoices and payments” → queue Billing');
  });
});
