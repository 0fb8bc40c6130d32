import type { BotAnswer, BotRequest } from './bot-protocol';

/**
 * The sample bot's logic (npm run sample-bot, and the demo's bot in the browser): a menu in
 * English or Finnish; a choice hands the conversation to agents with `topic` set, so the
 * workstream's routing rules can send it to the right queue. It keeps no state: every message
 * is either a choice or gets the menu.
 */
export const menuTopics = ['billing', 'orders', 'person'] as const;
export type MenuTopic = (typeof menuTopics)[number];

type Words = { menu: string; handoff: Record<MenuTopic, string>; keywords: Record<MenuTopic, string[]> };

const english: Words = {
  menu: 'Hi! How can we help?\n1 Billing\n2 Order status\n3 Talk to a person\nReply with a number.',
  handoff: {
    billing: 'Thanks! Our billing team will be with you shortly.',
    orders: 'Thanks! Someone will check your order shortly. Please have your order number ready.',
    person: 'Thanks! A person will be with you shortly.',
  },
  keywords: { billing: ['billing', 'bill', 'invoice'], orders: ['order', 'orders', 'order status'], person: ['person', 'human', 'agent'] },
};

const finnish: Words = {
  menu: 'Hei! Miten voimme auttaa?\n1 Laskutus\n2 Tilauksen tila\n3 Keskustele ihmisen kanssa\nVastaa numerolla.',
  handoff: {
    billing: 'Kiitos! Laskutustiimimme palvelee sinua pian.',
    orders: 'Kiitos! Tilauksesi tarkistetaan pian. Pidäthän tilausnumeron saatavilla.',
    person: 'Kiitos! Asiakaspalvelija on pian käytettävissäsi.',
  },
  keywords: { billing: ['laskutus', 'lasku'], orders: ['tilaus', 'tilauksen tila'], person: ['ihminen', 'asiakaspalvelija'] },
};

function wordsFor(language: string): Words {
  return language === 'fi' || language.startsWith('fi_') ? finnish : english;
}

/** The topic a customer's message picks: its number, or one of the topic's words in either language. */
export function menuChoice(text: string): MenuTopic | null {
  const said = text.trim().toLowerCase().replace(/[.!)]+$/, '');
  const byNumber = ['1', '2', '3'].indexOf(said);
  if (byNumber !== -1) return menuTopics[byNumber]!;
  return menuTopics.find((topic) => english.keywords[topic].includes(said) || finnish.keywords[topic].includes(said)) ?? null;
}

export function menuBotAnswer(request: Pick<BotRequest, 'conversation' | 'message'>): BotAnswer {
  const words = wordsFor(request.conversation.language);
  const topic = menuChoice(request.message.text);
  if (topic === null) return { messages: [{ text: words.menu }] };
  return {
    messages: [{ text: words.handoff[topic] }],
    handoff: { variables: { topic }, reason: `The customer chose “${topic}” from the menu.` },
  };
}
