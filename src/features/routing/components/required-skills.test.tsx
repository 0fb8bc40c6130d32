import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { fieldError, validationProblemBody } from '@/api/contract/problem-bodies';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, waitForDialogsToClose } from '@/testing/render';
import { renderRoutingPage, ruleDialog, ruleItem, supportWorkstream } from '../../../testing/features/routing';

const backend = backendForThisFile('demo');

const storedRules = () => supportWorkstream(backend).routing.rules;
const open = () => renderRoutingPage(supportWorkstream(backend).id);

describe('Required skills of routing rules', () => {
  test('each rule shows the skills it requires', async () => {
    await open();
    expect(ruleItem('Finnish numbers')).toHaveTextContent('Agent needs: Finnish (level 5 or more)');
    expect(ruleItem('Invoices and payments')).toHaveTextContent('Agent needs: Billing (level 5 or more)');
  });

  test('a skill is chosen from those users have, with a minimum level, by keyboard, and saved with the list', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Edit Invoices and payments' }));
    const dialog = await ruleDialog();
    expect(within(dialog).getByRole('combobox', { name: 'Skill 1' })).toHaveValue('Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Add required skill' }));
    const skill = within(dialog).getByRole('combobox', { name: 'Skill 2' });
    expect(skill).toHaveFocus();
    // The skills of the demo's users, each once.
    expect(within(skill).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a skill', 'Billing', 'English', 'Finnish']);
    await user.selectOptions(skill, 'English');
    const level = within(dialog).getByRole('spinbutton', { name: 'Minimum level of skill 2' });
    await user.clear(level);
    await user.type(level, '7');
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitForDialogsToClose();
    expect(ruleItem('Invoices and payments')).toHaveTextContent('Agent needs: Billing (level 5 or more), English (level 7 or more)');

    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText(/Routing rules saved/);
    expect(storedRules().find((r) => r.name === 'Invoices and payments')?.requiredSkills).toEqual([
      { name: 'Billing', level: 5 },
      { name: 'English', level: 7 },
    ]);
  });

  test('no skill chosen, a level out of range or a skill twice are said on their fields', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Edit Finnish numbers' }));
    const dialog = await ruleDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Add required skill' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add required skill' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Skill 3' }), 'Finnish');
    const level = within(dialog).getByRole('spinbutton', { name: 'Minimum level of skill 3' });
    await user.clear(level);
    await user.type(level, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(within(dialog).getByRole('combobox', { name: 'Skill 2' })).toHaveAccessibleDescription(/Enter the skill’s name/);
    expect(within(dialog).getByRole('combobox', { name: 'Skill 3' })).toHaveAccessibleDescription('This skill is already in the list.');
    expect(level).toHaveAccessibleDescription('A skill level is a whole number from 1 (beginner) to 10 (expert).');
    await user.click(within(dialog).getByRole('button', { name: 'Remove required skill 3' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove required skill 2' }));
    expect(within(dialog).getByRole('button', { name: 'Add required skill' })).toHaveFocus();
  });

  test('a skill no user has any more is refused by the server at the rule, and on the field when it is edited', async () => {
    backend.server.use(
      http.put('*/api/workstreams/:id/routing-rules', () =>
        HttpResponse.json(validationProblemBody([fieldError('rules.1.requiredSkills.0.name', 'skillName.unknown')]), {
          status: 422,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Move down: Finnish numbers' }));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    // Index 1 of the list that was sent: Finnish numbers, after the move.
    const message = 'No user has this skill yet. Give it to someone on the Users page first.';
    expect(await within(ruleItem('Finnish numbers')).findByText(message)).toBeInTheDocument();

    await user.click(within(ruleItem('Finnish numbers')).getByRole('button', { name: 'Edit Finnish numbers' }));
    const dialog = await ruleDialog();
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Skill 1' })).toHaveAttribute('aria-invalid', 'true');
  });
});
