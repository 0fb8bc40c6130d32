import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ids, messageSection, nextButton, renderSetup, stepHeading, storeDraft, startDemoBackend } from '../../../../testing/features/whatsapp-setup';

const backend = startDemoBackend();

test('the first Next shows every error of the behaviors step at once', async () => {
  const version = backend.db.data.workstreams.find((w) => w.id === ids.sales)!.version;
  storeDraft(ids.sales, version, { numberId: ids.helsinki, language: 'fi' });
  const { user } = renderSetup(ids.sales, 'behaviors');
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
