import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { languageName } from '@/domain/whatsapp-languages';
import { backendForThisFile, demoIds, waitForDialogsToClose } from '@/testing/render';
import { editor, field, findGroup, group, renderPanel, variantRows } from '../../../testing/features/templates';

const backend = backendForThisFile('demo');

const groupNames = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('the templates of an account', () => {
  test('groups the demo templates by name, each with its languages, category and status', async () => {
    await renderPanel();
    await findGroup('order_update');
    expect(groupNames()).toEqual(['follow_up', 'order_update', 'spring_offer']);
    expect(variantRows('order_update')).toEqual(['English | Utility | Approved', 'Finnish | Utility | Approved']);
    expect(variantRows('follow_up')).toEqual(['English | Utility | Pending approval']);
    expect(variantRows('spring_offer')).toEqual(['English | Marketing | RejectedReason: Promotional content needs an opt-out line.']);
  });

  test('says which languages used by the account’s other templates a group lacks', async () => {
    await renderPanel();
    await findGroup('order_update');
    expect(within(group('follow_up')).getByText('Missing: Finnish')).toBeInTheDocument();
    expect(within(group('spring_offer')).getByText('Missing: Finnish')).toBeInTheDocument();
    expect(within(group('order_update')).queryByText(/^Missing/)).not.toBeInTheDocument();
  });

  test('Add translation opens the editor with the name, the category and the missing language', async () => {
    const { user } = await renderPanel();
    await findGroup('spring_offer');
    await user.click(within(group('spring_offer')).getByRole('button', { name: 'Add a translation of spring_offer' }));
    const dialog = await editor();
    expect(within(dialog).getByRole('heading', { name: 'Translate spring_offer' })).toBeInTheDocument();
    expect(field(dialog, /^Name/)).toHaveValue('spring_offer');
    expect(within(dialog).getByRole('combobox', { name: /^Language/ })).toHaveValue('Finnish');
    expect(within(dialog).getByRole('radio', { name: /^Marketing/ })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Draft' })).toBeChecked();
    expect(field(dialog, /^Message text/)).toHaveValue('');

    await user.click(field(dialog, /^Message text/));
    await user.paste('Kevätale: kaikki −20 % {{1}} asti! Vastaa STOP, jos et halua viestejä.');
    await user.type(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ }), '31.5.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitForDialogsToClose();

    expect(variantRows('spring_offer')).toEqual([
      'English | Marketing | RejectedReason: Promotional content needs an opt-out line.',
      'Finnish | Marketing | Draft',
    ]);
    await waitFor(() => expect(within(group('spring_offer')).queryByText(/^Missing/)).not.toBeInTheDocument());
  });

  test('names a regional language as the WhatsApp setup and the conversations do', async () => {
    backend.db.write((draft) => {
      const template = draft.templates.find((t) => t.name === 'follow_up')!;
      draft.templates.push({ ...template, id: 'en-us-follow-up', language: 'en_US' });
    });
    await renderPanel();
    await findGroup('follow_up');
    expect(variantRows('follow_up')).toContain(`${languageName('en_US', 'en')} | Utility | Pending approval`);
  });

  test('a template in a new language makes that language missing in every other group', async () => {
    backend.db.write((draft) => {
      const template = draft.templates.find((t) => t.name === 'follow_up')!;
      draft.templates.push({ ...template, id: 'sv-follow-up', language: 'sv' });
    });
    await renderPanel();
    await findGroup('follow_up');
    expect(within(group('follow_up')).getByText('Missing: Finnish')).toBeInTheDocument();
    expect(within(group('order_update')).getByText('Missing: Swedish')).toBeInTheDocument();
    expect(within(group('spring_offer')).getByText('Missing: Finnish and Swedish')).toBeInTheDocument();
  });

  test('deleting asks first, names the language, and removes only that variant', async () => {
    const { user } = await renderPanel();
    await findGroup('order_update');
    await user.click(screen.getByRole('button', { name: 'Delete order_update in Finnish' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete order_update in Finnish?' });
    expect(confirm).toHaveTextContent('Its other languages stay.');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(variantRows('order_update')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete order_update in Finnish' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Template deleted.')).toBeInTheDocument();
    await waitForDialogsToClose();
    await waitFor(() => expect(variantRows('order_update')).toEqual(['English | Utility | Approved']));
    expect(screen.getByRole('button', { name: 'New template' })).toHaveFocus();
    expect(backend.db.data.templates.filter((t) => t.name === 'order_update').map((t) => t.language)).toEqual(['en']);
    // Now the account's other templates have no Finnish either, so nothing is missing anywhere.
    expect(screen.queryByText(/^Missing/)).not.toBeInTheDocument();
  });

  test('an account without templates says so and offers New template', async () => {
    await renderPanel(demoIds.nordicAccount);
    expect(await screen.findByText(/This account has no message templates yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New template' })).toBeInTheDocument();
  });

  test('a failed load says so, with a way to try again', async () => {
    await renderPanel('00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText('This item does not exist any more. Someone may have deleted it.')).toBeInTheDocument();
  });
});
