import type { StoredMessage } from './db';
import { parcelPicture } from './media-store';

/** The seed's long conversation: a café that orders from Contoso every few days, for weeks. */
export const LONG_HISTORY_LENGTH = 1000;

/** One exchange is a question, its answer, a follow-up and a confirmation. */
const EXCHANGE = 4;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Exchanges are this far apart: 250 of them span about two months. */
const EXCHANGE_INTERVAL = 6 * HOUR;
/** Every this many exchanges, the follow-up carries a photo of the delivery. */
const PHOTO_EVERY = 32;

const CUSTOMER = 'Noah Williams';
const AGENTS = ['Eero Agent', 'Aino Admin'] as const;

const QUESTIONS = [
  'Hi! Could you send 12 kg of the house espresso beans with Friday’s delivery?',
  'Morning. The oat milk in the last box expired next week already; can we get a fresher batch?',
  'Hello again. What would 40 packs of paper cups (12 oz) cost with our usual discount?',
  'Quick one: is the grinder service still booked for Tuesday?',
  'Hi, we are opening on Sunday for a private event.\nCould the weekly order arrive on Saturday morning instead of Monday?\nSame items as last week.',
  'The invoice for order #7712 shows 10 boxes of lids but we received 8.',
] as const;
const ANSWERS = [
  'Hi Noah! Done, 12 kg of house espresso added to Friday’s delivery.',
  'Sorry about that. I asked the warehouse to pick from the newest batch for you.',
  'With your discount it is 186 euros for 40 packs. Shall I add them?',
  'Yes, the technician comes on Tuesday between 9 and 11.',
  'That works: the order is moved to Saturday, delivery between 7 and 9 in the morning.',
  'Thanks for telling us. I credited the two missing boxes on your next invoice.',
] as const;
const FOLLOW_UPS = [
  'Great, thanks. Can you also add two bottles of caramel syrup?',
  'Yes please, and the matching lids.',
  'OK. Please call me when they are on the way.',
] as const;
const PHOTO_FOLLOW_UP = 'Perfect. Here is how the last delivery looked when it arrived.';
const CONFIRMATIONS = [
  'Added. Anything else for this week?',
  'Got it, I noted it on the order. Have a good day!',
  'All set. You will get the tracking link by message.',
] as const;

/** The ids of the photos in the long history, fixed so the media store can serve them. */
export const longHistoryPhotoIds = Array.from(
  { length: Math.ceil(LONG_HISTORY_LENGTH / EXCHANGE / PHOTO_EVERY) },
  (_, n) => `d1a0c001-7c1e-4a2b-9e01-0000000002${n.toString(16).padStart(2, '0')}`,
);

type HistoryDraft = Pick<StoredMessage, 'direction' | 'author' | 'authorName' | 'body' | 'status'> &
  Partial<Pick<StoredMessage, 'media'>> & { at: number };

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/**
 * The long history, oldest first, its last message at `end`: the same messages every time
 * (only the times move with `end`). A shorter length gives a shorter history of the same kind.
 */
export function longHistoryDrafts(end: number, length = LONG_HISTORY_LENGTH): HistoryDraft[] {
  const exchanges = Math.ceil(length / EXCHANGE);
  const drafts = Array.from({ length: exchanges }, (_, k): HistoryDraft[] => {
    const at = end - (exchanges - 1 - k) * EXCHANGE_INTERVAL - 50 * MINUTE;
    const agent = pick(AGENTS, k);
    const photoIndex = k % PHOTO_EVERY === 5 ? Math.floor(k / PHOTO_EVERY) : -1;
    const photoId = longHistoryPhotoIds[photoIndex];
    const followUp = photoId ? PHOTO_FOLLOW_UP : pick(FOLLOW_UPS, k);
    return [
      { at, direction: 'inbound', author: 'customer', authorName: CUSTOMER, body: pick(QUESTIONS, k), status: 'received' },
      { at: at + 12 * MINUTE, direction: 'outbound', author: 'agent', authorName: agent, body: pick(ANSWERS, k), status: 'read' },
      {
        at: at + 30 * MINUTE,
        direction: 'inbound',
        author: 'customer',
        authorName: CUSTOMER,
        body: followUp,
        status: 'received',
        ...(photoId ? { media: [{ id: photoId, contentType: 'image/png', url: `/api/media/${photoId}`, filename: `delivery-${k}.png`, size: parcelPicture().byteLength }] } : {}),
      },
      { at: at + 50 * MINUTE, direction: 'outbound', author: 'agent', authorName: agent, body: pick(CONFIRMATIONS, k), status: 'read' },
    ];
  }).flat();
  const last = drafts.slice(-length);
  last[last.length - 1] = { ...last.at(-1)!, status: 'delivered' };
  return last;
}
