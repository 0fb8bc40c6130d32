import { getDefaultNormalizer, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { createTestBackend } from './render';

/**
 * Text people paste that a form must either keep exactly or refuse in words: far too
 * long, with control characters, with invisible format characters, emoji sequences and
 * right-to-left scripts.
 */
export const hostile = {
  /** 100,000 UTF-16 units (umlauts, euro signs, emoji): a whole document pasted into a one-line field. */
  huge: 'Ä€👍x'.repeat(20_000),
  /** PostgreSQL cannot store NUL. */
  nul: 'Tuki\u0000tiimi',
  /** Shows as nothing: "Tuki\u0007tiimi" would look like "Tukitiimi". */
  bell: 'Tuki\u0007tiimi',
  /** A family (ZWJ sequence), a flag, a rainbow flag (ZWJ + variation selector), a heart on fire. */
  emoji: '👩‍👩‍👧‍👦 🇫🇮 🏳️‍🌈 ❤️‍🔥 Tuki',
  /** Arabic and Hebrew, with Latin and digits in between. */
  rtl: 'خدمة العملاء 24/7 שירות לקוחות',
  /** A zero-width space and a right-to-left override: legitimate Unicode, kept as typed. */
  invisible: 'Tu\u200bki \u202eabc',
} as const;

/** Everything a name may hold that is not plain Latin, in one value of at most 64 UTF-16 units. */
export const mixedName = `${hostile.emoji} ${hostile.rtl.slice(0, 12)} \u200bx`;

export const controlCharacterMessage = 'Remove the invisible control character (such as NUL or BEL) from this text.';

/** Text matching without trimming or collapsing, so that an exact value is found only as it is. */
export const exactly = { normalizer: getDefaultNormalizer({ trim: false, collapseWhitespace: false }) };

/** Empties a field and pastes the text into it, as a user who copied it from elsewhere. */
export async function replaceByPasting(user: UserEvent, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

/**
 * The field is refused in words: marked invalid, described by the visible message, and
 * still holding what the user pasted (nothing lost, nothing crashed).
 */
export async function expectFieldRefused(field: HTMLElement, message: string, kept: string) {
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  const descriptions = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id));
  const shown = descriptions.find((element) => element?.textContent === message);
  expect(shown, `"${message}" describes the field`).toBeDefined();
  expect(shown).toBeVisible();
  expect((field as HTMLInputElement).value).toBe(kept);
}

/** One grapheme of the kinds above; random names are made of these. */
const graphemes = [
  'a', 'Ö', 'ß', 'ج', 'ع', 'ש', 'ל', '١', '٢', 'é', 'e\u0301', '中', '👍', '👍🏽', '🇫🇮', '🇸🇪', '👩‍💻', '🏳️‍🌈', '\u200b', '\u200f', '\u202e', ' ',
];

/** Names of 1–20 graphemes mixing scripts, emoji and invisible format characters, never blank. */
export const unicodeName = fc
  .array(fc.constantFrom(...graphemes), { minLength: 1, maxLength: 20 })
  .map((parts) => `x${parts.join('')}`.trim());

/** The URLs of the requests that would change something (anything but GET), as the mock backend receives them. */
export function recordWrites(backend: ReturnType<typeof createTestBackend>): string[] {
  const writes: string[] = [];
  backend.server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') writes.push(request.url);
  });
  return writes;
}
