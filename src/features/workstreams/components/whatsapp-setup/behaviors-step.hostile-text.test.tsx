import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, expectFieldRefused, hostile, replaceByPasting } from '@/testing/hostile-text';
import { ids, messageSection, nextButton, renderSetup, startDemoBackend, stepHeading, storeDraft, WORKSTREAM_STUB } from '../../../../testing/features/whatsapp-setup';

const backend = startDemoBackend();

function atBehaviors() {
  const version = backend.db.data.workstreams.find((w) => w.id === ids.sales)!.version;
  storeDraft(ids.sales, version, { numberId: ids.helsinki, language: 'fi' });
  return renderSetup(ids.sales, 'behaviors');
}

const survey = () => within(screen.getByRole('region', { name: 'Post-conversation survey' }));
const greeting = () => messageSection('Greeting').getByRole('textbox', { name: 'Greeting in Finnish (fi)' });

/** Two lines with emoji sequences, Arabic, Hebrew and invisible format characters. */
const hostileGreeting = `${hostile.emoji} مرحبا\n${hostile.rtl} ${hostile.invisible}`;

describe('Set up WhatsApp: automated messages and the survey pasted from elsewhere', { timeout: 60_000 }, () => {
  test('huge or control-character texts are refused on their fields, which keep them', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('switch', { name: 'Send a greeting' }));
    await user.click(survey().getByRole('radio', { name: 'Send a question as text' }));
    const surveyText = survey().getByRole('textbox', { name: 'Survey text' });
    for (const [text, greetingMessage, surveyMessage] of [
      [hostile.huge, 'Keep the message to 1,024 characters or fewer.', 'Keep the survey text to 1,024 characters or fewer.'],
      [hostile.nul, controlCharacterMessage, controlCharacterMessage],
      [hostile.bell, controlCharacterMessage, controlCharacterMessage],
    ] as const) {
      await replaceByPasting(user, greeting(), text);
      await replaceByPasting(user, surveyText, text);
      await user.click(nextButton());
      await expectFieldRefused(greeting(), greetingMessage, text);
      await expectFieldRefused(surveyText, surveyMessage, text);
    }

    await user.click(survey().getByRole('radio', { name: 'Send a link to a survey' }));
    const link = survey().getByRole('textbox', { name: 'Survey link' });
    await replaceByPasting(user, link, `https://survey.contoso.com/${hostile.nul}`);
    await user.click(nextButton());
    await expectFieldRefused(link, controlCharacterMessage, `https://survey.contoso.com/${hostile.nul}`);
    expect(screen.getByRole('heading', { level: 2, name: 'Behaviors' })).toBeInTheDocument();
  });

  test('a greeting and survey in other scripts with emoji are saved, and open again exactly', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('switch', { name: 'Send a greeting' }));
    await replaceByPasting(user, greeting(), hostileGreeting);
    await user.click(survey().getByRole('radio', { name: 'Send a question as text' }));
    await replaceByPasting(user, survey().getByRole('textbox', { name: 'Survey text' }), `${hostile.rtl} ⭐⭐⭐⭐⭐?`);
    await user.click(nextButton());
    await stepHeading('User features');
    await user.click(nextButton());
    await stepHeading('Summary');
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText(WORKSTREAM_STUB)).toBeInTheDocument();
    expect(backend.db.data.workstreams.find((w) => w.id === ids.sales)!.whatsapp).toMatchObject({
      automatedMessages: [{ trigger: 'greeting', language: 'fi', text: hostileGreeting }],
      survey: { mode: 'text', text: `${hostile.rtl} ⭐⭐⭐⭐⭐?` },
    });

    cleanup();
    sessionStorage.clear();
    renderSetup(ids.sales, 'behaviors');
    await stepHeading('Behaviors');
    expect(greeting()).toHaveValue(hostileGreeting);
    expect(survey().getByRole('textbox', { name: 'Survey text' })).toHaveValue(`${hostile.rtl} ⭐⭐⭐⭐⭐?`);
  });
});
