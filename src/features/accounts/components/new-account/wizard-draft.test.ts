import { afterEach, describe, expect, test } from 'vitest';
import { clearDraft, emptyValues, loadDraft, saveDraft } from './wizard-draft';

afterEach(() => sessionStorage.clear());

describe('the account wizard draft', () => {
  test('is derived from the wizard values without the auth token', () => {
    const token = '9f8e7d6c'.repeat(4);
    saveDraft({ ...emptyValues(), name: 'Contoso', accountSid: 'AC1', authToken: token });
    expect(Object.values({ ...sessionStorage }).join()).not.toContain(token);
    expect(loadDraft()?.values).toEqual({ name: 'Contoso', channel: 'whatsapp', accountSid: 'AC1', numbers: [{ name: '', number: '' }] });
  });

  test('is not kept when nothing was typed, or once cleared', () => {
    saveDraft(emptyValues());
    expect(loadDraft()).toBeNull();
    saveDraft({ ...emptyValues(), name: 'Contoso' });
    clearDraft();
    expect(loadDraft()).toBeNull();
  });
});

describe('a draft written by an older build, without the page-load mark', () => {
  test('is still restored, as kept from earlier rather than from before a reload', () => {
    sessionStorage.setItem('whatsapp-admin-new-account-draft', JSON.stringify({ name: 'Contoso', channel: 'whatsapp', accountSid: 'AC1', numbers: [] }));
    expect(loadDraft()).toEqual({ values: { name: 'Contoso', channel: 'whatsapp', accountSid: 'AC1', numbers: [] }, origin: 'earlier' });
  });
});
