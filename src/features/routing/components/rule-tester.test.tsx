import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestBackend } from '@/testing/render';
import { renderRoutingPage, ruleItem, supportWorkstream } from '../../../testing/features/routing';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.db.reset());
afterAll(() => backend.server.close());

const tester = () => screen.getByRole('region', { name: 'Rule tester' });
const result = () => within(tester()).getByRole('status');

async function openTester() {
  const rendered = await renderRoutingPage(supportWorkstream(backend).id);
  const phone = within(tester()).getByRole('textbox', { name: 'Customer phone number' });
  const message = within(tester()).getByRole('textbox', { name: 'First message' });
  const typeIn = async (phoneNumber: string, firstMessage: string) => {
    await rendered.user.clear(phone);
    await rendered.user.clear(message);
    if (phoneNumber) await rendered.user.type(phone, phoneNumber);
    if (firstMessage) await rendered.user.type(message, firstMessage);
  };
  return { ...rendered, typeIn };
}

describe('rule tester (demo seed: Finnish numbers → Finnish customers, Invoices and payments → Billing, fallback General support)', () => {
  test('says what to do before anything is typed', async () => {
    await openTester();
    expect(result()).toHaveTextContent('Type a phone number or a first message to see which rule matches.');
  });

  test('a Finnish number, however WhatsApp writes it, matches the first rule', async () => {
    const { typeIn } = await openTester();
    await typeIn('whatsapp:+358 40 123 4567', 'Hei');
    expect(result()).toHaveTextContent('Matches rule 1 “Finnish numbers” → queue Finnish customers');
    expect(within(ruleItem('Finnish numbers')).getByText('Matches the test')).toBeInTheDocument();
    expect(within(ruleItem('Invoices and payments')).queryByText('Matches the test')).not.toBeInTheDocument();
  });

  test('a first message about an invoice, in any case, goes to Billing', async () => {
    const { typeIn } = await openTester();
    await typeIn('+447700900123', 'Question about my INVOICE');
    expect(result()).toHaveTextContent('Matches rule 2 “Invoices and payments” → queue Billing');
    expect(within(ruleItem('Invoices and payments')).getByText('Matches the test')).toBeInTheDocument();
  });

  test('the sandbox’s “join <code>” routes nothing: the rules read the next message', async () => {
    const { typeIn } = await openTester();
    await typeIn('+358401234567', 'join bright-harbor');
    expect(result()).toHaveTextContent('“join …” on the Twilio sandbox opens no conversation: the rules read the customer’s next message.');
    expect(screen.queryByText('Matches the test')).not.toBeInTheDocument();
  });

  test('anything else goes to the fallback queue', async () => {
    const { typeIn } = await openTester();
    await typeIn('+447700900123', 'Hello there');
    expect(result()).toHaveTextContent('No rule matches → fallback queue General support');
    expect(screen.queryByText('Matches the test')).not.toBeInTheDocument();
  });

  test('the first match wins, and unsaved changes to the order count', async () => {
    const { typeIn, user } = await openTester();
    await typeIn('+358401234567', 'My invoice is wrong');
    expect(result()).toHaveTextContent('Matches rule 1 “Finnish numbers” → queue Finnish customers');
    await user.click(screen.getByRole('button', { name: 'Move up: Invoices and payments' }));
    expect(result()).toHaveTextContent('Matches rule 1 “Invoices and payments” → queue Billing');
  });
});
