import { describe, expect, it } from 'vitest';
import { surveyMessage } from './survey-message';

describe('surveyMessage', () => {
  it('sends nothing when the survey is off, the text as written, and a link with an invitation in the conversation’s language', () => {
    expect(surveyMessage({ mode: 'off' }, 'en')).toBeNull();
    expect(surveyMessage({ mode: 'text', text: 'Arvio 1–5?' }, 'fi')).toBe('Arvio 1–5?');
    expect(surveyMessage({ mode: 'link', url: 'https://s.example.com/1' }, 'en')).toBe('How did we do? Tell us in a short survey: https://s.example.com/1');
    expect(surveyMessage({ mode: 'link', url: 'https://s.example.com/1' }, 'fi')).toBe('Miten onnistuimme? Kerro lyhyessä kyselyssä: https://s.example.com/1');
    expect(surveyMessage({ mode: 'link', url: 'https://s.example.com/1' }, 'sv')).toMatch(/^How did we do\?/);
  });
});
