import type { TwilioContent } from '@/domain/template-sync';

/**
 * What the demo's "Twilio side" has in its Content API, the same for every account: what
 * Sync templates brings in. One item matches a seeded template exactly, one brings an
 * approval (and its HX SID) to a seeded pending template, two are new, and two are of
 * kinds the channel cannot use, so every part of the sync result shows.
 */
export const twilioContent: readonly TwilioContent[] = [
  {
    sid: 'HX0123456789abcdef0123456789abcdef',
    friendlyName: 'order_update',
    language: 'en',
    body: 'Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.',
    variables: { '1': 'Maria', '2': '#4821', '3': 'Friday' },
    category: 'UTILITY',
    approvalStatus: 'approved',
    rejectionReason: null,
  },
  {
    sid: 'HX2223456789abcdef0123456789abcdef',
    friendlyName: 'follow_up',
    language: 'en',
    body: 'Hello {{1}}, we are following up on your question. Reply to this message to continue the conversation.',
    variables: { '1': 'Alex' },
    category: 'UTILITY',
    approvalStatus: 'approved',
    rejectionReason: null,
  },
  {
    sid: 'HX3333456789abcdef0123456789abcdef',
    friendlyName: 'appointment_reminder',
    language: 'en',
    body: 'Reminder: your appointment with Contoso is on {{1}} at {{2}}. Reply to change it.',
    variables: { '1': '12 June', '2': '14:30' },
    category: 'UTILITY',
    approvalStatus: 'approved',
    rejectionReason: null,
  },
  {
    sid: 'HX4443456789abcdef0123456789abcdef',
    friendlyName: 'appointment_reminder',
    language: 'fi',
    body: 'Muistutus: aikasi Contosolla on {{1}} klo {{2}}. Vastaa tähän, jos haluat muuttaa sitä.',
    variables: { '1': '12.6.', '2': '14.30' },
    category: 'UTILITY',
    approvalStatus: 'pending',
    rejectionReason: null,
  },
  {
    sid: 'HX5553456789abcdef0123456789abcdef',
    friendlyName: 'delivery_card',
    language: 'en',
    body: null,
    variables: {},
    category: 'UTILITY',
    approvalStatus: 'approved',
    rejectionReason: null,
  },
  {
    sid: 'HX6663456789abcdef0123456789abcdef',
    friendlyName: 'welcome_klingon',
    language: 'tlh',
    body: 'nuqneH {{1}}!',
    variables: { '1': 'Worf' },
    category: 'MARKETING',
    approvalStatus: 'unsubmitted',
    rejectionReason: null,
  },
];
