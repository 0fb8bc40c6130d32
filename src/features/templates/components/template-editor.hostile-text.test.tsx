import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, expectFieldRefused, hostile, replaceByPasting, recordWrites } from '@/testing/hostile-text';
import { backendForThisFile, waitForDialogsToClose } from '@/testing/render';
import { chooseLanguage, editor, field, findGroup, preview, renderPanel } from '../../../testing/features/templates';

const backend = backendForThisFile('demo');

async function openNewTemplate() {
  const rendered = await renderPanel();
  await findGroup('order_update');
  await rendered.user.click(screen.getByRole('button', { name: 'New template' }));
  const dialog = await editor();
  return { ...rendered, dialog, body: field(dialog, /^Message text/), name: field(dialog, /^Name/) };
}

const save = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Save' });
const example = (dialog: HTMLElement, n: number) => within(dialog).getByRole('textbox', { name: new RegExp(`^Example for \\{\\{${n}\\}\\}`) });

/** Emoji, right-to-left text, a zero-width space and a line break around two variables. */
const hostileBody = `${hostile.emoji} مرحبا {{1}}!\nשלום, ההזמנה {{2}} נשלחה\u200b 🇫🇮`;

describe('Message templates with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('huge or control-character text is refused on its field, the dialog keeps it, nothing is sent', async () => {
    const writes = recordWrites(backend);
    const { user, dialog, body, name } = await openNewTemplate();
    await chooseLanguage(user, dialog, 'fin', /^Finnish/);
    for (const [text, nameMessage, bodyMessage] of [
      [hostile.huge, 'Keep the template name to 512 characters or fewer.', 'WhatsApp allows at most 1,024 characters in a template.'],
      [hostile.nul, 'Use only lowercase letters a–z, digits and underscores, for example order_update.', controlCharacterMessage],
      [hostile.emoji, 'Use only lowercase letters a–z, digits and underscores, for example order_update.', null],
      [hostile.rtl, 'Use only lowercase letters a–z, digits and underscores, for example order_update.', null],
    ] as const) {
      await replaceByPasting(user, name, text);
      await replaceByPasting(user, body, `${text} {{1}}`);
      await replaceByPasting(user, example(dialog, 1), text === hostile.huge ? text : `${text}\u0007`);
      await user.click(save(dialog));
      await expectFieldRefused(name, nameMessage, text);
      if (bodyMessage) await expectFieldRefused(body, bodyMessage, `${text} {{1}}`);
      const exampleMessage = text === hostile.huge ? 'Keep the example to 200 characters or fewer.' : controlCharacterMessage;
      await expectFieldRefused(example(dialog, 1), exampleMessage, text === hostile.huge ? text : `${text}\u0007`);
    }
    expect(writes).toEqual([]);
  });

  test('a body with emoji, right-to-left text and examples in other scripts is saved and opens again exactly', async () => {
    const { user, dialog, body, name } = await openNewTemplate();
    await replaceByPasting(user, name, 'hostile_text');
    await chooseLanguage(user, dialog, 'fin', /^Finnish/);
    await replaceByPasting(user, body, hostileBody);
    await replaceByPasting(user, example(dialog, 1), 'دانا 👩‍💻');
    await replaceByPasting(user, example(dialog, 2), '#١٢٣');
    expect(preview(dialog)).toHaveTextContent(`مرحبا دانا 👩‍💻!`);
    await user.click(save(dialog));
    await waitForDialogsToClose();
    expect(backend.db.data.templates.find((t) => t.name === 'hostile_text')).toMatchObject({ body: hostileBody, examples: ['دانا 👩‍💻', '#١٢٣'] });

    cleanup();
    const again = await renderPanel();
    await findGroup('hostile_text');
    await again.user.click(screen.getByRole('button', { name: 'Edit hostile_text in Finnish' }));
    const reopened = await editor();
    expect(field(reopened, /^Message text/)).toHaveValue(hostileBody);
    expect(example(reopened, 1)).toHaveValue('دانا 👩‍💻');
    expect(example(reopened, 2)).toHaveValue('#١٢٣');
  });
});
