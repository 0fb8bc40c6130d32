import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ids, renderSetup, stepHeading, storeDraft, startDemoBackend, WORKSTREAM_STUB } from '../../../../testing/features/whatsapp-setup';

const backend = startDemoBackend();
const salesVersion = () => backend.db.data.workstreams.find((w) => w.id === ids.sales)!.version;

function atSummary() {
  storeDraft(ids.sales, salesVersion(), {
    numberId: ids.helsinki,
    language: 'fi',
    messages: {
      greeting: { enabled: true, texts: [{ language: 'fi', text: 'Hei!' }, { language: 'en', text: 'Hi!' }] },
      agentAssigned: { enabled: false, texts: [{ language: 'fi', text: 'Kept while off' }] },
      outOfHours: { enabled: false, texts: [] },
    },
    survey: { mode: 'link', url: 'https://survey.contoso.com/wa', text: '' },
    attachments: { customersCanSend: true, agentsCanSend: false },
  });
  return renderSetup(ids.sales, 'summary');
}

const group = (name: string) => within(screen.getByRole('region', { name }));

async function chooseLanguageAndGoOn(user: ReturnType<typeof atSummary>['user'], search: string, option: string) {
  await stepHeading('Language');
  const box = screen.getByRole('combobox', { name: 'Language' });
  await user.clear(box);
  await user.type(box, search);
  await user.click(await screen.findByRole('option', { name: option }));
  await user.click(screen.getByRole('button', { name: 'Back to Summary' }));
}

describe('the user features step', () => {
  test('two switches for attachments and the WhatsApp media limits', async () => {
    storeDraft(ids.sales, salesVersion(), { numberId: ids.helsinki, language: 'fi' });
    const { user } = renderSetup(ids.sales, 'features');
    await stepHeading('User features');
    expect(screen.getByText(/up to 16 MB \(images up to 5 MB\)/)).toBeInTheDocument();
    const customers = screen.getByRole('switch', { name: 'Customers can send attachments' });
    const agents = screen.getByRole('switch', { name: 'Agents can send attachments' });
    expect(customers).not.toBeChecked();
    await user.click(customers);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading('Summary');
    expect(group('User features').getByText('Customers can send attachments').nextSibling).toHaveTextContent('Yes');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('switch', { name: 'Customers can send attachments' })).toBeChecked();
    expect(agents).not.toBeChecked();
  });
});

describe('the summary', { timeout: 40_000 }, () => {
  test('shows every choice by step', async () => {
    atSummary();
    await stepHeading('Summary');
    expect(group('WhatsApp number').getByText(/^Helsinki service/)).toBeInTheDocument();
    expect(group('WhatsApp number').getByText('Contoso Nordics')).toBeInTheDocument();
    expect(group('Language').getByText('Finnish (fi)')).toBeInTheDocument();
    expect(group('Behaviors').getByText('On: Finnish (fi), English (en)')).toBeInTheDocument();
    expect(group('Behaviors').getAllByText('Off')).toHaveLength(2);
    expect(group('Behaviors').getByText('Link: https://survey.contoso.com/wa')).toBeInTheDocument();
    expect(group('User features').getByText('Agents can send attachments').nextSibling).toHaveTextContent('No');
  });

  test('each group has an Edit link back to its step, which keeps the choices', async () => {
    const { user, router } = atSummary();
    await stepHeading('Summary');
    for (const [step, search] of [
      ['WhatsApp number', '?step=number&return=summary'],
      ['Language', '?step=language&return=summary'],
      ['Behaviors', '?step=behaviors&return=summary'],
      ['User features', '?step=features&return=summary'],
    ] as const) {
      const edit = screen.getByRole('link', { name: `Edit ${step}` });
      expect(edit).toHaveAttribute('href', `/workstreams/${ids.sales}/whatsapp${search}`);
    }
    await user.click(screen.getByRole('link', { name: 'Edit Behaviors' }));
    expect(await stepHeading('Behaviors')).toHaveFocus();
    expect(router.state.location.search).toBe('?step=behaviors&return=summary');
    expect(screen.getByRole('textbox', { name: 'Greeting in English (en)' })).toHaveValue('Hi!');
  });

  test('after an Edit, Next says it goes back to the summary and does, with the later choices kept', async () => {
    const { user, router } = atSummary();
    await stepHeading('Summary');
    await user.click(screen.getByRole('link', { name: 'Edit WhatsApp number' }));
    await stepHeading('WhatsApp number');
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Stockholm service/ }));
    await user.click(screen.getByRole('button', { name: 'Back to Summary' }));

    await stepHeading('Summary');
    expect(router.state.location.search).toBe('?step=summary');
    expect(group('WhatsApp number').getByText(/^Stockholm service/)).toBeInTheDocument();
    expect(group('Behaviors').getByText('Link: https://survey.contoso.com/wa')).toBeInTheDocument();
    expect(group('User features').getByText('Agents can send attachments').nextSibling).toHaveTextContent('No');
  });

  test('an edit that leaves a later step incomplete opens that step, which then leads back to the summary', async () => {
    const { user, router } = atSummary();
    await stepHeading('Summary');
    await user.click(screen.getByRole('link', { name: 'Edit Language' }));
    await chooseLanguageAndGoOn(user, 'Swed', 'Swedish (sv)');

    // The greeting is on, and has no Swedish text yet.
    await stepHeading('Behaviors');
    expect(router.state.location.search).toBe('?step=behaviors&return=summary');
    await user.type(screen.getByRole('textbox', { name: 'Greeting in Swedish (sv)' }), 'Hej!');
    await user.click(screen.getByRole('button', { name: 'Back to Summary' }));

    await stepHeading('Summary');
    expect(group('Language').getByText('Swedish (sv)')).toBeInTheDocument();
    expect(group('User features').getByText('Agents can send attachments').nextSibling).toHaveTextContent('No');
  });

  test('Finish saves, goes to the workstream and says so', async () => {
    const { user } = atSummary();
    await stepHeading('Summary');
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText(WORKSTREAM_STUB)).toBeInTheDocument();
    expect(await screen.findByText('WhatsApp is set up on Nordic sales.')).toBeInTheDocument();
    const saved = backend.db.data.workstreams.find((w) => w.id === ids.sales)!.whatsapp;
    expect(saved).toMatchObject({
      numberId: ids.helsinki,
      language: 'fi',
      automatedMessages: [
        { trigger: 'greeting', language: 'fi', text: 'Hei!' },
        { trigger: 'greeting', language: 'en', text: 'Hi!' },
      ],
      survey: { mode: 'link', url: 'https://survey.contoso.com/wa' },
      attachments: { customersCanSend: true, agentsCanSend: false },
    });
    expect(sessionStorage.length).toBe(0);
  });

  test('a number taken meanwhile sends the admin back to the number step, with the reason', async () => {
    const { user } = atSummary();
    await stepHeading('Summary');
    backend.db.write((draft) => {
      const support = draft.workstreams.find((w) => w.id === ids.support)!;
      support.whatsapp!.numberId = ids.helsinki;
    });
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    await stepHeading('WhatsApp number');
    expect(await screen.findByText(/Another workstream already uses this number/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('radio', { name: /Helsinki service.*Used by WhatsApp customer support/ })).toBeDisabled());
    await user.click(screen.getByRole('radio', { name: /Sandbox/i }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading('Language');
  });

  test('a server error keeps everything and offers to try again', async () => {
    const { user } = atSummary();
    await stepHeading('Summary');
    backend.faults.failNextWrite();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(group('Language').getByText('Finnish (fi)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(WORKSTREAM_STUB)).toBeInTheDocument();
  });

  test('a change by someone else is a conflict; Reload starts over from what is saved', async () => {
    const { user } = atSummary();
    await stepHeading('Summary');
    backend.db.write((draft) => {
      draft.workstreams.find((w) => w.id === ids.sales)!.version += 1;
    });
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await stepHeading('WhatsApp number');
    expect(screen.getByText(/We loaded the setup as it is saved now/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Helsinki service/ })).not.toBeChecked();
  });

  test('editing a set-up workstream opens with its current values', async () => {
    renderSetup(ids.support, 'summary');
    await stepHeading('Summary');
    expect(group('WhatsApp number').getByText(/^Twilio sandbox/)).toBeInTheDocument();
    expect(group('Language').getByText('English (en)')).toBeInTheDocument();
    // Greeting, agent assigned and out of hours, each in both languages.
    expect(group('Behaviors').getAllByText('On: English (en), Finnish (fi)')).toHaveLength(3);
    expect(group('Behaviors').getByText(/^Link: https:\/\//)).toBeInTheDocument();
  });
});
