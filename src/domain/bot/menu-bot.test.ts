import { describe, expect, test } from 'vitest';
import { menuBotAnswer, menuChoice } from './menu-bot';

const ask = (text: string, language = 'en') => menuBotAnswer({ conversation: { id: 'c1', workstreamId: 'w1', language, turn: 1 }, message: { id: 'm1', text, media: [] } });

describe('menuChoice', () => {
  test.each([
    ['1', 'billing'],
    ['2', 'orders'],
    ['3', 'person'],
    [' 1 ', 'billing'],
    ['1.', 'billing'],
    ['2)', 'orders'],
    ['3!', 'person'],
  ])('the number %j picks %s', (text, topic) => {
    expect(menuChoice(text)).toBe(topic);
  });

  test.each([
    ['Billing', 'billing'],
    ['invoice', 'billing'],
    ['LASKUTUS', 'billing'],
    ['lasku', 'billing'],
    ['Order status', 'orders'],
    ['tilauksen tila', 'orders'],
    ['human', 'person'],
    ['asiakaspalvelija', 'person'],
  ])('the word %j picks %s, in either language', (text, topic) => {
    expect(menuChoice(text)).toBe(topic);
  });

  test.each(['', '4', '0', '11', 'hello', 'I have a billing question', 'laskutus?'])('%j is no choice', (text) => {
    expect(menuChoice(text)).toBeNull();
  });
});

describe('menuBotAnswer', () => {
  test('a message that is no choice gets the menu, and no hand-off', () => {
    const answer = ask('Hello!');
    expect(answer.handoff).toBeUndefined();
    expect(answer.messages).toEqual([{ text: expect.stringMatching(/^Hi! How can we help\?\n1 Billing\n2 Order status\n3 Talk to a person/) }]);
  });

  test('Finnish conversations, also with a region, get the Finnish menu; other languages the English one', () => {
    expect(ask('Moi', 'fi').messages).toEqual([{ text: expect.stringContaining('1 Laskutus') }]);
    expect(ask('Moi', 'fi_FI').messages).toEqual([{ text: expect.stringContaining('1 Laskutus') }]);
    expect(ask('Hej', 'sv').messages).toEqual([{ text: expect.stringContaining('1 Billing') }]);
  });

  test('a choice hands over with the topic as a variable and a reason, after a thank-you in the conversation\'s language', () => {
    expect(ask('1')).toEqual({
      messages: [{ text: 'Thanks! Our billing team will be with you shortly.' }],
      handoff: { variables: { topic: 'billing' }, reason: 'The customer chose “billing” from the menu.' },
    });
    expect(ask('2', 'fi')).toEqual({
      messages: [{ text: expect.stringContaining('Tilauksesi tarkistetaan') }],
      handoff: { variables: { topic: 'orders' }, reason: expect.stringContaining('orders') },
    });
  });

  test('names no queue: the workstream\'s routing rules decide on the topic', () => {
    expect(ask('3').handoff?.queue).toBeUndefined();
  });

  test('every text fits a WhatsApp message and every answer fits the bot answer limits', () => {
    for (const language of ['en', 'fi']) {
      for (const text of ['hi', '1', '2', '3']) {
        const answer = ask(text, language);
        expect(answer.messages!.length).toBeLessThanOrEqual(5);
        for (const message of answer.messages!) expect('text' in message && message.text.length).toBeLessThanOrEqual(1600);
      }
    }
  });
});
