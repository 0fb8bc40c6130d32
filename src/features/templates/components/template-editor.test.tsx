import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { backendForThisFile, demoIds, waitForDialogsToClose } from '@/testing/render';
import { chooseLanguage, editor, field, fillTemplate, findGroup, preview, renderPanel, variantRows } from '../../../testing/features/templates';

const backend = backendForThisFile('demo');

const stored = (name: string) => backend.db.data.templates.filter((t) => t.name === name);

async function openNewTemplate() {
  const rendered = await renderPanel();
  await findGroup('order_update');
  await rendered.user.click(screen.getByRole('button', { name: 'New template' }));
  const dialog = await editor();
  expect(within(dialog).getByRole('heading', { name: 'New message template' })).toBeInTheDocument();
  return { ...rendered, dialog };
}

const exampleFields = (dialog: HTMLElement) => within(dialog).queryAllByRole('textbox', { name: /^Example for/ });
const save = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Save' });

describe('the template editor', () => {
  test('closing with something typed asks first; Keep editing keeps it, Discard closes', async () => {
    const { user, dialog } = await openNewTemplate();
    await user.type(field(dialog, /^Message text/), 'Half a thought');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Close without saving?' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(field(dialog, /^Message text/)).toHaveValue('Half a thought');

    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Close without saving?' })).getByRole('button', { name: 'Discard' }));
    await waitForDialogsToClose();
    expect(stored('')).toHaveLength(0);
  });

  test('closing an untouched editor does not ask', async () => {
    const { user, dialog } = await openNewTemplate();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  test('an example field appears for each variable as it is typed, and goes when it is removed', async () => {
    const { user, dialog } = await openNewTemplate();
    const body = field(dialog, /^Message text/);
    expect(exampleFields(dialog)).toHaveLength(0);

    await user.type(body, 'Hi {{{{1}}, your order {{{{2}}');
    expect(exampleFields(dialog).map((f) => f.getAttribute('name'))).toEqual(['examples.0', 'examples.1']);
    expect(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^Example for \{\{2\}\}/ })).toBeInTheDocument();

    await user.type(body, ' and {{{{1}} again');
    expect(exampleFields(dialog)).toHaveLength(2);

    await user.clear(body);
    await user.type(body, 'No variables');
    expect(exampleFields(dialog)).toHaveLength(0);
  });

  test('the preview shows the message with the examples, as they are typed', async () => {
    const { user, dialog } = await openNewTemplate();
    expect(preview(dialog)).toHaveTextContent('The message appears here as you write it.');

    await user.click(field(dialog, /^Message text/));
    await user.paste('Hi {{1}}, your order {{2}} has shipped.');
    expect(preview(dialog)).toHaveTextContent('Hi {{1}}, your order {{2}} has shipped.');

    await user.type(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ }), 'Maria');
    expect(preview(dialog)).toHaveTextContent('Hi Maria, your order {{2}} has shipped.');
    await user.type(within(dialog).getByRole('textbox', { name: /^Example for \{\{2\}\}/ }), '#4821');
    expect(preview(dialog)).toHaveTextContent('Hi Maria, your order #4821 has shipped.');
  });

  test('Insert variable puts the next variable at the caret', async () => {
    const { user, dialog } = await openNewTemplate();
    const body = field(dialog, /^Message text/) as HTMLTextAreaElement;
    await user.click(within(dialog).getByRole('button', { name: 'Insert variable {{1}}' }));
    await waitFor(() => expect(body).toHaveValue('{{1}}'));

    await user.click(body);
    await user.clear(body);
    await user.paste('Hi , welcome');
    body.setSelectionRange(3, 3);
    await user.click(within(dialog).getByRole('button', { name: 'Insert variable {{1}}' }));
    await waitFor(() => expect(body).toHaveValue('Hi {{1}}, welcome'));
    expect(within(dialog).getByRole('button', { name: 'Insert variable {{2}}' })).toBeInTheDocument();
    expect(exampleFields(dialog)).toHaveLength(1);
  });

  test('the character counter counts, is described by the field and is not a live region', async () => {
    const { user, dialog } = await openNewTemplate();
    const body = field(dialog, /^Message text/);
    expect(within(dialog).getByText('0 / 1,024 characters')).toBeInTheDocument();
    await user.type(body, 'Hei 👋');
    const counter = within(dialog).getByText('5 / 1,024 characters');
    expect(counter.closest('[aria-live]')).toBeNull();
    const describedBy = (body.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.some((id) => document.getElementById(id)?.contains(counter))).toBe(true);
  });

  test('a new template is created and shows in its group', async () => {
    const { user, dialog } = await openNewTemplate();
    await fillTemplate(user, dialog, { name: 'welcome', language: ['fin', /^Finnish/], body: 'Hei {{1}}, tervetuloa!' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ }), 'Maria');
    await user.click(within(dialog).getByRole('radio', { name: /^Marketing/ }));
    await user.type(field(dialog, /Content SID/), 'hxABCDEF0123456789ABCDEF0123456789');
    await user.click(save(dialog));

    expect(await screen.findByText('Template welcome saved.')).toBeInTheDocument();
    await waitForDialogsToClose();
    await findGroup('welcome');
    expect(variantRows('welcome')).toEqual(['Finnish | Marketing | Draft']);
    expect(stored('welcome')).toEqual([
      expect.objectContaining({
        language: 'fi',
        category: 'marketing',
        body: 'Hei {{1}}, tervetuloa!',
        examples: ['Maria'],
        contentSid: 'HXabcdef0123456789abcdef0123456789',
        status: 'draft',
        rejectionReason: null,
      }),
    ]);
  });

  describe('says what is wrong with each field, in words', () => {
    test.each([
      ['a blank name', { name: '' }, /^Name/, 'Enter a template name.'],
      ['a name with capitals and spaces', { name: 'Order Update' }, /^Name/, 'Use only lowercase letters a–z, digits and underscores, for example order_update.'],
      ['an empty body', { body: '' }, /^Message text/, 'Write the text of the message.'],
      ['a named variable', { body: 'Hi {{name}}' }, /^Message text/, 'Write variables as a number in double braces, like {{1}}.'],
      ['an unclosed variable', { body: 'Hi {{1' }, /^Message text/, 'Write variables as a number in double braces, like {{1}}.'],
      ['a gap in the numbers', { body: 'Hi {{1}}, order {{3}}' }, /^Message text/, 'Number the variables in order from {{1}} without gaps: {{1}}, {{2}}, {{3}}…'],
      ['variables side by side', { body: 'Hi {{1}} {{2}}' }, /^Message text/, 'Put some text between two variables; WhatsApp rejects variables side by side.'],
      ['a body over 1,024 characters', { body: 'x'.repeat(1025) }, /^Message text/, 'WhatsApp allows at most 1,024 characters in a template.'],
      ['an invalid Content SID', { contentSid: 'HX123' }, /Content SID/, 'A Content SID starts with HX followed by 32 letters a–f and digits.'],
    ] as [string, { name?: string; body?: string; contentSid?: string }, RegExp, string][])('%s', async (_label, values, fieldName, message) => {
      const { user, dialog } = await openNewTemplate();
      const name = values.name ?? 'valid_name';
      if (name) await user.type(field(dialog, /^Name/), name);
      await chooseLanguage(user, dialog, 'fin', /^Finnish/);
      const body = values.body ?? 'Hello there';
      if (body) {
        await user.click(field(dialog, /^Message text/));
        await user.paste(body);
      }
      if (values.contentSid) await user.type(field(dialog, /Content SID/), values.contentSid);
      await user.click(save(dialog));

      const input = await waitFor(() => {
        const element = field(dialog, fieldName);
        expect(element).toHaveAttribute('aria-invalid', 'true');
        return element;
      });
      expect(within(dialog).getByText(message)).toBeInTheDocument();
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
      expect(stored(name)).toEqual([]);
    });

    test('no language chosen', async () => {
      const { user, dialog } = await openNewTemplate();
      await fillTemplate(user, dialog, { name: 'no_language', body: 'Hello' });
      await user.click(save(dialog));
      expect(await within(dialog).findByText('Choose a language.')).toBeInTheDocument();
      expect(within(dialog).getByRole('combobox', { name: /^Language/ })).toHaveAttribute('aria-invalid', 'true');
    });

    test('every problem at once, even with no language chosen', async () => {
      const { user, dialog } = await openNewTemplate();
      await fillTemplate(user, dialog, { name: 'Bad Name', body: 'Hi {{1}} {{2}}' });
      await user.click(save(dialog));
      expect(await within(dialog).findByText('Choose a language.')).toBeInTheDocument();
      expect(within(dialog).getByText('Use only lowercase letters a–z, digits and underscores, for example order_update.')).toBeInTheDocument();
      expect(within(dialog).getByText('Put some text between two variables; WhatsApp rejects variables side by side.')).toBeInTheDocument();
    });

    test('a body too long and a variable without an example: both at once', async () => {
      const { user, dialog } = await openNewTemplate();
      await fillTemplate(user, dialog, { name: 'long_one', language: ['fin', /^Finnish/], body: `Hi {{1}}, ${'x'.repeat(1025)}` });
      await user.click(save(dialog));
      expect(await within(dialog).findByText('WhatsApp allows at most 1,024 characters in a template.')).toBeInTheDocument();
      expect(within(dialog).getByText('Give an example value for this variable; WhatsApp reviews templates with them.')).toBeInTheDocument();
      expect(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ })).toHaveAttribute('aria-invalid', 'true');
    });

    test('a variable without an example', async () => {
      const { user, dialog } = await openNewTemplate();
      await fillTemplate(user, dialog, { name: 'needs_example', language: ['fin', /^Finnish/], body: 'Hi {{1}}, order {{2}}.' });
      await user.type(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ }), 'Maria');
      await user.click(save(dialog));
      const second = within(dialog).getByRole('textbox', { name: /^Example for \{\{2\}\}/ });
      await waitFor(() => expect(second).toHaveAttribute('aria-invalid', 'true'));
      expect(within(dialog).getByText('Give an example value for this variable; WhatsApp reviews templates with them.')).toBeInTheDocument();
      expect(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ })).not.toHaveAttribute('aria-invalid', 'true');
    });

    test('a rejection without its reason', async () => {
      const { user, dialog } = await openNewTemplate();
      await fillTemplate(user, dialog, { name: 'rejected_one', language: ['fin', /^Finnish/], body: 'Hello' });
      expect(within(dialog).queryByRole('textbox', { name: /^Reason for rejection/ })).not.toBeInTheDocument();
      await user.click(within(dialog).getByRole('radio', { name: 'Rejected' }));
      await user.click(save(dialog));
      const reason = within(dialog).getByRole('textbox', { name: /^Reason for rejection/ });
      await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
      expect(within(dialog).getByText('Write why the template was rejected.')).toBeInTheDocument();

      await user.type(reason, 'Too promotional.');
      await user.click(save(dialog));
      await waitForDialogsToClose();
      expect(stored('rejected_one')).toEqual([expect.objectContaining({ status: 'rejected', rejectionReason: 'Too promotional.' })]);
    });
  });

  test('a name taken in that language: the server’s 409 is shown at the name field', async () => {
    const { user, dialog } = await openNewTemplate();
    await fillTemplate(user, dialog, { name: 'order_update', language: ['fin', /^Finnish/], body: 'Hei taas!' });
    await user.click(save(dialog));
    const name = field(dialog, /^Name/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('This account already has a template with this name in this language.')).toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(within(dialog).queryByText('Some fields need attention.')).not.toBeInTheDocument();
    expect(stored('order_update')).toHaveLength(2);

    // In Swedish the name is free.
    await chooseLanguage(user, dialog, 'swe', /^Swedish/);
    await user.click(save(dialog));
    await waitForDialogsToClose();
    expect(stored('order_update').map((t) => t.language).sort()).toEqual(['en', 'fi', 'sv']);
  });

  test('a server error keeps the dialog open with everything typed, and a retry saves', async () => {
    const { user, dialog } = await openNewTemplate();
    await fillTemplate(user, dialog, { name: 'kept_values', language: ['fin', /^Finnish/], body: 'Hei {{1}}!' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ }), 'Maria');
    backend.faults.failNextWrite();
    await user.click(save(dialog));

    expect(await within(dialog).findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(field(dialog, /^Name/)).toHaveValue('kept_values');
    expect(within(dialog).getByRole('combobox', { name: /^Language/ })).toHaveValue('Finnish');
    expect(field(dialog, /^Message text/)).toHaveValue('Hei {{1}}!');
    expect(within(dialog).getByRole('textbox', { name: /^Example for \{\{1\}\}/ })).toHaveValue('Maria');
    expect(preview(dialog)).toHaveTextContent('Hei Maria!');
    expect(stored('kept_values')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitForDialogsToClose();
    expect(stored('kept_values')).toHaveLength(1);
  });

  test('editing: the form starts from the template, and saves with its version', async () => {
    const { user } = await renderPanel();
    await findGroup('spring_offer');
    await user.click(screen.getByRole('button', { name: 'Edit spring_offer in English' }));
    const dialog = await editor();
    expect(within(dialog).getByRole('heading', { name: 'Edit spring_offer' })).toBeInTheDocument();
    expect(field(dialog, /^Name/)).toHaveValue('spring_offer');
    expect(within(dialog).getByRole('combobox', { name: /^Language/ })).toHaveValue('English');
    expect(within(dialog).getByRole('radio', { name: /^Marketing/ })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Rejected' })).toBeChecked();
    expect(field(dialog, /^Reason for rejection/)).toHaveValue('Promotional content needs an opt-out line.');
    expect(preview(dialog)).toHaveTextContent('Spring sale: 20% off everything until 31 May!');

    const body = field(dialog, /^Message text/);
    await user.clear(body);
    await user.paste('Spring sale until {{1}}. Reply STOP to opt out.');
    await user.click(within(dialog).getByRole('radio', { name: 'Pending approval' }));
    await user.click(save(dialog));
    await waitForDialogsToClose();
    expect(variantRows('spring_offer')).toEqual(['English | Marketing | Pending approval']);
    expect(stored('spring_offer')).toEqual([
      expect.objectContaining({ body: 'Spring sale until {{1}}. Reply STOP to opt out.', status: 'pending', rejectionReason: null, version: 2 }),
    ]);
  });

  test('someone else changed it: Reload brings their version and keeps what was typed here', async () => {
    const { user } = await renderPanel();
    await findGroup('follow_up');
    await user.click(screen.getByRole('button', { name: 'Edit follow_up in English' }));
    const dialog = await editor();
    backend.db.write((draft) => {
      const template = draft.templates.find((t) => t.name === 'follow_up')!;
      template.status = 'approved';
      template.version += 1;
    });
    await user.click(within(dialog).getByRole('radio', { name: /^Marketing/ }));
    await user.click(save(dialog));
    expect(await within(dialog).findByText(/Someone else changed this/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /^Marketing/ })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'Approved' })).toBeChecked());
    expect(within(dialog).getByRole('radio', { name: /^Marketing/ })).toBeChecked();
    await user.click(save(dialog));
    await waitForDialogsToClose();
    expect(stored('follow_up')).toEqual([expect.objectContaining({ status: 'approved', category: 'marketing', version: 3 })]);
  });

  test('the account of the demo seed is the sandbox account', () => {
    expect(backend.db.data.templates.every((t) => t.accountId === demoIds.sandboxAccount)).toBe(true);
  });
});
