import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, waitForDialogsToClose } from '@/testing/render';
import { renderRoutingPage, ruleDialog, ruleHeadings, ruleItem, supportWorkstream, withoutContextVariableRules } from '../../../testing/features/routing';

const backend = backendForThisFile('demo');

/** The support workstream with the context variables given and only its two rules on numbers and words. */
function withVariables(names: string[]) {
  withoutContextVariableRules(backend);
  backend.db.write((draft) => {
    const workstream = draft.workstreams.find((w) => w.id === supportWorkstream(backend).id)!;
    workstream.advanced.contextVariables = names.map((name) => ({ name, type: 'text' as const }));
  });
}

beforeEach(() => withVariables(['topic', 'orderNumber']));

const storedRules = () => supportWorkstream(backend).routing.rules;
const open = () => renderRoutingPage(supportWorkstream(backend).id);

describe('Conditions on a context variable', { timeout: 40_000 }, () => {
  test('a rule on the bot’s topic: the variable is chosen, required, shown in words and saved', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const dialog = await ruleDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Rule name' }), 'Billing topic');
    const condition = within(dialog).getByRole('group', { name: 'Condition 1' });
    expect(within(condition).queryByRole('combobox', { name: 'Variable' })).not.toBeInTheDocument();
    await user.selectOptions(within(condition).getByRole('combobox', { name: 'Field' }), 'Context variable');
    const variable = within(condition).getByRole('combobox', { name: 'Variable' });
    expect(within(variable).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a variable', 'topic', 'orderNumber']);
    expect(within(within(condition).getByRole('combobox', { name: 'Comparison' })).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'is exactly',
      'contains',
    ]);
    await user.type(within(condition).getByRole('textbox', { name: 'Value' }), 'billing');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Target queue' }), 'Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(variable).toHaveAccessibleDescription('Choose the context variable to compare.'));
    await expectNoAxeViolations();
    await user.selectOptions(variable, 'topic');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitForDialogsToClose();

    expect(ruleHeadings()).toEqual(['1. Finnish numbers', '2. Invoices and payments', '3. Billing topic']);
    expect(within(ruleItem('Billing topic')).getByText('topic is “billing”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();
    expect(storedRules()[2]!.conditions).toEqual([{ field: 'contextVariable', variable: 'topic', operator: 'equals', value: 'billing' }]);
  });

  test('without context variables the field cannot be chosen, and the hint says where to add them', async () => {
    withVariables([]);
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const condition = within(await ruleDialog()).getByRole('group', { name: 'Condition 1' });
    const field = within(condition).getByRole('combobox', { name: 'Field' });
    expect(within(field).getByRole('option', { name: 'Context variable' })).toBeDisabled();
    expect(field).toHaveAccessibleDescription('To compare a context variable, add one to the workstream first, under Advanced settings.');
  });

  test('a rule on a variable the workstream no longer has is refused on the variable when applied', async () => {
    backend.db.write((draft) => {
      const workstream = draft.workstreams.find((w) => w.id === supportWorkstream(backend).id)!;
      workstream.routing.rules[1]!.conditions = [{ field: 'contextVariable', variable: 'region', operator: 'equals', value: 'north' }];
    });
    const { user } = await open();
    expect(within(ruleItem('Invoices and payments')).getByText('region is “north”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit Invoices and payments' }));
    const dialog = await ruleDialog();
    const variable = within(within(dialog).getByRole('group', { name: 'Condition 1' })).getByRole('combobox', { name: 'Variable' });
    expect(variable).toHaveValue('region');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(variable).toHaveAccessibleDescription('This workstream has no context variable by this name. Add it under Advanced settings first.'),
    );
  });

  test('the tester asks for the variables the rules use and matches on them', async () => {
    backend.db.write((draft) => {
      const workstream = draft.workstreams.find((w) => w.id === supportWorkstream(backend).id)!;
      workstream.routing.rules[1]!.conditions = [{ field: 'contextVariable', variable: 'topic', operator: 'contains', value: 'invoice' }];
    });
    const { user } = await open();
    const tester = screen.getByRole('region', { name: 'Rule tester' });
    expect(within(tester).queryByRole('textbox', { name: 'Context variable orderNumber' })).not.toBeInTheDocument();
    await user.type(within(tester).getByRole('textbox', { name: 'Context variable topic' }), 'Invoice question');
    expect(within(tester).getByRole('status')).toHaveTextContent('Matches rule 2 “Invoices and payments” → queue Billing');
  });
});
