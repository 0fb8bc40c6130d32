import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, replaceByPasting, recordWrites } from '@/testing/hostile-text';
import { backendForThisFile, demoConversationIds, renderWithProviders } from '@/testing/render';
import { ConversationPage } from '../conversation/conversation-page';

const backend = backendForThisFile('demo');

async function openConversation(id: string, customer: string) {
  const rendered = renderWithProviders(
    <main>
      <ConversationPage conversationId={id} />
    </main>,
  );
  await screen.findByRole('heading', { level: 1, name: customer });
  return rendered;
}

const lastMessage = async () => {
  const log = await screen.findByRole('log', { name: 'Messages' });
  return within(log).getAllByRole('article').at(-1)!;
};

/** Two lines: emoji sequences, Arabic and Hebrew, a zero-width space and a right-to-left override. */
const hostileReply = `${hostile.emoji} مرحبا!\nשלום ${hostile.invisible}`;

describe('Replies and template values pasted from elsewhere', { timeout: 60_000 }, () => {
  test('a huge reply or one with control characters is refused on the message box, which keeps it', async () => {
    const writes = recordWrites(backend);
    const { user } = await openConversation(demoConversationIds.oliviaInvoice, 'Olivia Brown');
    const box = screen.getByRole('textbox', { name: 'Message' });
    for (const [text, message] of [
      [hostile.huge, 'Twilio sends at most 1,600 characters in a WhatsApp message. Split it into two.'],
      [hostile.nul, controlCharacterMessage],
      [`${hostile.bell}\r\n`, controlCharacterMessage],
    ] as const) {
      await replaceByPasting(user, box, text);
      await user.click(screen.getByRole('button', { name: 'Send' }));
      await expectFieldRefused(box, message, text);
    }
    expect(writes).toEqual([]);
  });

  test('a reply of two lines with emoji, right-to-left and invisible characters is sent and shown exactly, also after a reload', async () => {
    const { user } = await openConversation(demoConversationIds.oliviaInvoice, 'Olivia Brown');
    await replaceByPasting(user, screen.getByRole('textbox', { name: 'Message' }), hostileReply);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(async () => expect(within(await lastMessage()).getByText(hostileReply, exactly)).toBeInTheDocument());
    expect(backend.db.data.messages.at(-1)?.body).toBe(hostileReply);

    cleanup();
    await openConversation(demoConversationIds.oliviaInvoice, 'Olivia Brown');
    await waitFor(async () => expect(within(await lastMessage()).getByText(hostileReply, exactly)).toBeInTheDocument());
  });

  test('template values: control characters are refused on the value; emoji and right-to-left text go out in the template', async () => {
    const { user } = await openConversation(demoConversationIds.jordanShipping, 'Jordan Lee');
    await screen.findByRole('combobox', { name: 'Template' });
    const value = (n: number) => screen.getByRole('textbox', { name: `Value ${n}` });
    await replaceByPasting(user, value(1), hostile.bell);
    await replaceByPasting(user, value(2), '#5120');
    await replaceByPasting(user, value(3), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    await expectFieldRefused(value(1), controlCharacterMessage, hostile.bell);

    await replaceByPasting(user, value(1), `${hostile.rtl} 👩‍💻`);
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    await waitFor(async () =>
      expect(await lastMessage()).toHaveTextContent(`Hi ${hostile.rtl} 👩‍💻, your order #5120 has shipped and should arrive on Friday.`, { normalizeWhitespace: false }),
    );
  });
});
