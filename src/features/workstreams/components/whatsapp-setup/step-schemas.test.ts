import { expect, test } from 'vitest';
import { issuesInOnePass } from '@/testing/schema-issues';
import { behaviorsStepSchema } from './step-schemas';

const off = { enabled: false, texts: [] };

test('behaviors: a language twice is reported with a text without a language, empty texts and a bad survey link', () => {
  const values = {
    messages: {
      greeting: {
        enabled: true,
        texts: [
          { language: 'fi', text: '' },
          { language: 'en', text: 'Hello' },
          { language: 'en', text: 'Hi' },
          { language: '', text: 'Hej' },
        ],
      },
      agentAssigned: { enabled: true, texts: [{ language: 'fi', text: ' ' }] },
      outOfHours: off,
    },
    survey: { mode: 'link', url: 'http://survey.contoso.com', text: '' },
  };
  expect(issuesInOnePass(behaviorsStepSchema, values)).toEqual({
    'messages.greeting.texts.0.text': 'message.required',
    'messages.greeting.texts.2.language': 'messageLanguage.duplicate',
    'messages.greeting.texts.3.language': 'language.required',
    'messages.agentAssigned.texts.0.text': 'message.required',
    'survey.url': 'survey.invalidUrl',
  });
});
