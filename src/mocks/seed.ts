import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import type { MockData } from './db';

const SEEDED_AT = '2026-01-15T09:30:00.000Z';

/** Demo data: one account on Twilio's sandbox. Its SID is made up and no token is stored. */
export function demoSeed(): MockData {
  return {
    accounts: [
      {
        id: '7b0e1f5e-4c1a-4d55-9a7e-0d2f3c9b8a01',
        name: 'Contoso support (sandbox)',
        channel: 'whatsapp',
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        authTokenHint: '4c2e',
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        version: 1,
      },
    ],
    numbers: [
      {
        id: 'c5d1f0a2-9e33-4b7c-8f61-2a4b6c8d0e12',
        accountId: '7b0e1f5e-4c1a-4d55-9a7e-0d2f3c9b8a01',
        name: 'Twilio sandbox',
        number: TWILIO_SANDBOX_NUMBER,
        createdAt: SEEDED_AT,
        version: 1,
      },
    ],
  };
}

export function emptySeed(): MockData {
  return { accounts: [], numbers: [] };
}
