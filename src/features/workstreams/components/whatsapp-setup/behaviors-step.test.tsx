import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ids, messageSection, nextButton, renderSetup, stepHeading, storeDraft, startDemoBackend } from '../../../../testing/features/whatsapp-setup';

const backend = startDemoBackend();

function atBehaviors() {
  const version = backend.db.data.workstreams.find((w) => w.id === ids.sales)!.version;
  storeDraft(ids.sales, version, { numberId: ids.helsinki, language: 'fi' });
  return renderSetup(ids.sales, 'behaviors');
}

describe('the behaviors step', () => {
  test('explains when each message is sent; all are off at first', async () => {
    atBehaviors();
    await stepHeading('Behaviors');
    const greeting = messageSection('Greeting');
    expect(greeting.getByText('Sent as soon as a customer starts a new conversation.')).toBeInTheDocument();
    expect(greeting.getByRole('switch', { name: 'Send a greeting' })).not.toBeChecked();
    expect(messageSection('Agent assigned').getByText(/Sent when an agent accepts the conversation/)).toBeInTheDocument();
    expect(messageSection('Out of hours').getByText(/while the queue is closed/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  test('a message switched on needs its text in the channel language, which comes first', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('switch', { name: 'Send a greeting' }));
    const text = messageSection('Greeting').getByRole('textbox', { name: 'Greeting in Finnish (fi)' });
    await user.click(nextButton());
    expect(await screen.findByText('Write the message, or turn it off.')).toBeInTheDocument();
    expect(text).toHaveFocus();
    await user.type(text, 'Hei! Vastaamme pian.');
    await user.click(nextButton());
    await stepHeading('User features');
  });

  test('texts in other languages: add, choose the language, write, remove', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('switch', { name: 'Send an out-of-hours message' }));
    const section = messageSection('Out of hours');
    await user.type(section.getByRole('textbox', { name: 'Out of hours in Finnish (fi)' }), 'Olemme kiinni.');
    await user.click(section.getByRole('button', { name: 'Add a text in another language' }));
    const language = section.getByRole('combobox', { name: 'Language of text 2' });
    expect(language).toHaveFocus();
    // The channel language is already written: it is not offered again.
    expect(within(language).queryByRole('option', { name: 'Finnish (fi)' })).not.toBeInTheDocument();

    await user.click(nextButton());
    expect(await section.findByText('Choose a language.')).toBeInTheDocument();
    expect(section.getByText('Write the message, or turn it off.')).toBeInTheDocument();

    await user.selectOptions(language, 'English (en)');
    await user.type(section.getByRole('textbox', { name: 'Out of hours in English (en)' }), 'We are closed.');
    await user.click(section.getByRole('button', { name: 'Add a text in another language' }));
    await user.selectOptions(section.getByRole('combobox', { name: 'Language of text 3' }), 'Swedish (sv)');
    await user.click(section.getByRole('button', { name: 'Remove the text in Swedish (sv)' }));
    expect(section.queryByRole('textbox', { name: /Swedish/ })).not.toBeInTheDocument();
    expect(section.getByRole('button', { name: 'Add a text in another language' })).toHaveFocus();

    await user.click(nextButton());
    await stepHeading('User features');
  });

  test('a message switched off again needs no text', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('switch', { name: 'Send a greeting' }));
    await user.click(screen.getByRole('switch', { name: 'Send a greeting' }));
    await user.click(nextButton());
    await stepHeading('User features');
  });

  test('the survey: a link must be a full https link; a text must be written', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    const survey = within(screen.getByRole('region', { name: 'Post-conversation survey' }));
    expect(survey.getByText('Sent to the customer when the conversation closes.')).toBeInTheDocument();
    expect(survey.getByRole('radio', { name: 'Off' })).toBeChecked();

    await user.click(survey.getByRole('radio', { name: 'Send a link to a survey' }));
    const link = survey.getByRole('textbox', { name: 'Survey link' });
    await user.type(link, 'http://survey.contoso.com');
    await user.click(nextButton());
    expect(await survey.findByText('Enter a full link that starts with https://.')).toBeInTheDocument();

    await user.click(survey.getByRole('radio', { name: 'Send a question as text' }));
    await user.click(nextButton());
    expect(await survey.findByText('Write the survey link or text, or turn the survey off.')).toBeInTheDocument();
    await user.type(survey.getByRole('textbox', { name: 'Survey text' }), 'How did we do?');

    // Switching back keeps what was typed in the link.
    await user.click(survey.getByRole('radio', { name: 'Send a link to a survey' }));
    expect(survey.getByRole('textbox', { name: 'Survey link' })).toHaveValue('http://survey.contoso.com');
    await user.clear(survey.getByRole('textbox', { name: 'Survey link' }));
    await user.type(survey.getByRole('textbox', { name: 'Survey link' }), 'https://survey.contoso.com/wa');
    await user.click(nextButton());
    await stepHeading('User features');
  });

  test('the first Next shows every error of the step at once', async () => {
    const { user } = atBehaviors();
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('switch', { name: 'Send a greeting' }));
    await user.click(screen.getByRole('switch', { name: 'Tell the customer when an agent takes the conversation' }));
    await user.click(screen.getByRole('switch', { name: 'Send an out-of-hours message' }));
    const survey = within(screen.getByRole('region', { name: 'Post-conversation survey' }));
    await user.click(survey.getByRole('radio', { name: 'Send a link to a survey' }));
    await user.type(survey.getByRole('textbox', { name: 'Survey link' }), 'http://survey.contoso.com');

    await user.click(nextButton());

    expect(await survey.findByText('Enter a full link that starts with https://.')).toBeInTheDocument();
    for (const section of ['Greeting', 'Agent assigned', 'Out of hours']) {
      expect(messageSection(section).getByText('Write the message, or turn it off.')).toBeInTheDocument();
    }
  });
});
