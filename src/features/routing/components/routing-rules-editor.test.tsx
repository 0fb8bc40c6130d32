import { act, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestBackend, waitForDialogsToClose } from '@/testing/render';
import { renderRoutingPage, renderRoutingRoute, ruleDialog, ruleHeadings, ruleItem, supportWorkstream, withoutContextVariableRules } from '../../../testing/features/routing';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => withoutContextVariableRules(backend));
afterEach(async () => {
  await act(() => i18next.changeLanguage('en'));
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

const storedRules = () => supportWorkstream(backend).routing.rules;
const open = () => renderRoutingPage(supportWorkstream(backend).id);

describe('routing rules editor', () => {
  test('lists the rules in order, in words, with their queues and the fallback queue', async () => {
    await open();
    expect(screen.getByRole('link', { name: 'Back to WhatsApp customer support' })).toBeInTheDocument();
    expect(ruleHeadings()).toEqual(['1. Finnish numbers', '2. Invoices and payments']);
    const finnish = ruleItem('Finnish numbers');
    expect(within(finnish).getByText('Customer phone number starts with +358')).toBeInTheDocument();
    expect(within(finnish).getByText('Finnish customers')).toBeInTheDocument();
    expect(within(ruleItem('Invoices and payments')).getByText('First message contains “invoice”')).toBeInTheDocument();
    expect(screen.getByText('Everything no rule matches goes to the fallback queue General support.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeDisabled();
  });

  test('adds a rule with two conditions and saves the list', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const dialog = await ruleDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Rule name' }), 'Swedish refunds');
    const first = within(dialog).getByRole('group', { name: 'Condition 1' });
    await user.type(within(first).getByRole('textbox', { name: 'Value' }), '+46 70');
    await user.click(within(dialog).getByRole('button', { name: 'Add condition' }));
    const second = within(dialog).getByRole('group', { name: 'Condition 2' });
    expect(within(second).getByRole('combobox', { name: 'Field' })).toHaveValue('firstMessage');
    expect(within(second).getByRole('textbox', { name: 'Value' })).toHaveFocus();
    await user.keyboard('Refund');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target queue' }), 'Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitForDialogsToClose();

    expect(ruleHeadings()).toEqual(['1. Finnish numbers', '2. Invoices and payments', '3. Swedish refunds']);
    const added = ruleItem('Swedish refunds');
    expect(within(added).getByText('Customer phone number starts with +4670')).toBeInTheDocument();
    expect(within(added).getByText('First message contains “Refund”')).toBeInTheDocument();
    expect(within(added).getByText('Not saved')).toBeInTheDocument();
    expect(screen.getByText('You have changes that are not saved yet.')).toBeInTheDocument();
    expect(storedRules()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();
    expect(storedRules().map((r) => r.name)).toEqual(['Finnish numbers', 'Invoices and payments', 'Swedish refunds']);
    expect(storedRules()[2]!.conditions).toEqual([
      { field: 'customerPhone', operator: 'startsWith', value: '+4670' },
      { field: 'firstMessage', operator: 'contains', value: 'Refund' },
    ]);
    await waitFor(() => expect(within(ruleItem('Swedish refunds')).queryByText('Not saved')).not.toBeInTheDocument());
  });

  test('the comparisons offered depend on the field', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const condition = within(await ruleDialog()).getByRole('group', { name: 'Condition 1' });
    const operator = within(condition).getByRole('combobox', { name: 'Comparison' });
    const options = () => within(operator).getAllByRole('option').map((o) => o.textContent);
    expect(options()).toEqual(['starts with', 'is exactly']);

    await user.selectOptions(within(condition).getByRole('combobox', { name: 'Field' }), 'First message');
    expect(options()).toEqual(['contains', 'is exactly']);
    expect(operator).toHaveValue('contains');

    await user.selectOptions(operator, 'is exactly');
    await user.selectOptions(within(condition).getByRole('combobox', { name: 'Field' }), 'Customer phone number');
    // "is exactly" fits both fields, so it stays.
    expect(operator).toHaveValue('equals');
  });

  test('says what is wrong with a rule before it goes into the list', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const dialog = await ruleDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(await within(dialog).findByText('Enter a name for the rule.')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the value to compare with.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose a queue.')).toBeInTheDocument();

    const value = within(dialog).getByRole('textbox', { name: 'Value' });
    await user.type(value, '+358 abc');
    await user.tab();
    expect(await within(dialog).findByText(/Write the number \(or its start\) with \+ and digits only/)).toBeInTheDocument();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Comparison' }), 'is exactly');
    await user.clear(value);
    await user.type(value, '040 123 4567');
    await user.tab();
    expect(await within(dialog).findByText(/Write the number in international format/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(ruleHeadings()).toHaveLength(2);
  });

  test('Move up and Move down reorder the rules, keep focus on the moved rule and announce its place', async () => {
    const { user } = await open();
    const down = screen.getByRole('button', { name: 'Move down: Finnish numbers' });
    await user.click(down);
    expect(ruleHeadings()).toEqual(['1. Invoices and payments', '2. Finnish numbers']);
    expect(screen.getByRole('button', { name: 'Move down: Finnish numbers' })).toHaveFocus();
    // Now last: the button says it cannot move further, and keeps focus rather than dropping it.
    expect(screen.getByRole('button', { name: 'Move down: Finnish numbers' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Finnish numbers moved to position 2 of 2.')).toBeInTheDocument();

    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(screen.getByRole('button', { name: 'Move up: Finnish numbers' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(ruleHeadings()).toEqual(['1. Finnish numbers', '2. Invoices and payments']);
    expect(screen.getByRole('button', { name: 'Move up: Finnish numbers' })).toHaveFocus();
    expect(screen.getByText('Finnish numbers moved to position 1 of 2.')).toBeInTheDocument();
    // Back in the saved order: nothing to save.
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Move up: Invoices and payments' }));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();
    expect(storedRules().map((r) => r.name)).toEqual(['Invoices and payments', 'Finnish numbers']);
  });

  test('an announcement made in English does not stay once the language is switched', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Move down: Finnish numbers' }));
    expect(screen.getByText('Finnish numbers moved to position 2 of 2.')).toBeInTheDocument();
    await act(() => i18next.changeLanguage('fi'));
    expect(await screen.findByRole('button', { name: 'Siirrä alas: Finnish numbers' })).toBeInTheDocument();
    expect(screen.queryByText('Finnish numbers moved to position 2 of 2.')).not.toBeInTheDocument();
  });

  test('removing a rule asks first, names its queue and is saved with the list', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Remove Finnish numbers' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Finnish numbers?' });
    expect(within(confirm).getByText(/Conversations this rule sends to Finnish customers/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitForDialogsToClose();
    expect(ruleHeadings()).toEqual(['1. Invoices and payments']);
    expect(screen.getByRole('button', { name: 'Add rule' })).toHaveFocus();
    expect(storedRules()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();
    expect(storedRules().map((r) => r.name)).toEqual(['Invoices and payments']);
  });

  test('Discard changes puts the saved rules back', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Move down: Finnish numbers' }));
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Discard changes' }));
    await waitForDialogsToClose();
    expect(ruleHeadings()).toEqual(['1. Finnish numbers', '2. Invoices and payments']);
  });

  test('editing a rule changes it in the list and marks it changed', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Edit Invoices and payments' }));
    const dialog = await ruleDialog();
    expect(within(dialog).getByRole('textbox', { name: 'Rule name' })).toHaveValue('Invoices and payments');
    const value = within(dialog).getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, 'lasku');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitForDialogsToClose();
    const item = ruleItem('Invoices and payments');
    expect(within(item).getByText('First message contains “lasku”')).toBeInTheDocument();
    expect(within(item).getByText('Changed')).toBeInTheDocument();
  });

  test('a server error on a condition value is shown at that condition, and on its field when the rule is edited', async () => {
    const { user } = await open();
    backend.server.use(
      http.put('/api/workstreams/:id/routing-rules', () =>
        HttpResponse.json(
          {
            type: '/problems/validation',
            title: 'Some fields need attention',
            status: 400,
            errors: [{ path: 'rules.1.conditions.0.value', code: 'condition.valueTooLong', message: 'Keep the value to 200 characters or fewer.' }],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Move down: Finnish numbers' }));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    expect(await screen.findByText('Some rules need attention. Edit the rules marked below.')).toBeInTheDocument();
    // Index 1 of the list that was sent: Finnish numbers, after the move.
    const item = ruleItem('Finnish numbers');
    const condition = within(item).getByText('Customer phone number starts with +358').closest('li')!;
    expect(within(condition).getByText('Keep the value to 200 characters or fewer.')).toBeInTheDocument();
    expect(within(ruleItem('Invoices and payments')).queryByText('Keep the value to 200 characters or fewer.')).not.toBeInTheDocument();
    // The list is still as the user left it.
    expect(ruleHeadings()).toEqual(['1. Invoices and payments', '2. Finnish numbers']);

    await user.click(within(item).getByRole('button', { name: 'Edit Finnish numbers' }));
    const dialog = await ruleDialog();
    const value = within(dialog).getByRole('textbox', { name: 'Value' });
    expect(await within(dialog).findByText('Keep the value to 200 characters or fewer.')).toBeInTheDocument();
    expect(value).toHaveAttribute('aria-invalid', 'true');
  });

  test('a save over someone else’s change offers Reload and keeps the edits', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Move down: Finnish numbers' }));
    backend.db.write((draft) => {
      const workstream = draft.workstreams.find((w) => w.name === 'WhatsApp customer support')!;
      workstream.routing = { ...workstream.routing, version: workstream.routing.version + 1, rules: workstream.routing.rules.slice(0, 1) };
    });

    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    expect(ruleHeadings()).toEqual(['1. Invoices and payments', '2. Finnish numbers']);

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText(/The latest saved rules were loaded/)).toBeInTheDocument();
    expect(ruleHeadings()).toEqual(['1. Invoices and payments', '2. Finnish numbers']);
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();
    expect(storedRules().map((r) => r.name)).toEqual(['Invoices and payments', 'Finnish numbers']);
  });

  test('asks before leaving with unsaved changes', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Move down: Finnish numbers' }));
    await user.click(screen.getByRole('link', { name: 'Back to WhatsApp customer support' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    await waitForDialogsToClose();
    expect(ruleHeadings()).toEqual(['1. Invoices and payments', '2. Finnish numbers']);
  });

  test('at 100 rules, Add rule says why it is unavailable', async () => {
    backend.db.write((draft) => {
      const workstream = draft.workstreams.find((w) => w.name === 'WhatsApp customer support')!;
      const [template] = workstream.routing.rules;
      workstream.routing.rules = Array.from({ length: 100 }, (_, i) => ({ ...template!, id: `rule-${i}`, name: `Rule ${i + 1}` }));
    });
    renderRoutingRoute(supportWorkstream(backend).id);
    // Role queries over 100 rules are slow in happy-dom; text finds the same things here.
    expect(await screen.findByText('A workstream can have at most 100 rules. Remove a rule before you add another.')).toBeInTheDocument();
    const add = screen.getByText('Add rule').closest('button')!;
    expect(add).toHaveAttribute('aria-disabled', 'true');
    add.click();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  }, 60_000);

  test('a workstream that does not exist', async () => {
    renderRoutingRoute('00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText('This item does not exist any more. Someone may have deleted it.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to workstreams' })).toBeInTheDocument();
  });
});
