import { useQuery } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { workstreamQueries } from '@/resources/workstreams';
import { renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { ids, startDemoBackend } from '../../../../testing/features/whatsapp-setup';
import { WhatsAppSetupSummary } from './whatsapp-setup-summary';

const backend = startDemoBackend();

function WorkstreamPage({ id }: { id: string }) {
  const workstream = useQuery(workstreamQueries.detail(id));
  return (
    <>
      <h1>{workstream.data?.name ?? 'Loading'}</h1>
      {workstream.data && <WhatsAppSetupSummary workstream={workstream.data} />}
    </>
  );
}

describe('the WhatsApp section of a workstream', () => {
  test('not set up: explains and offers to set it up', async () => {
    renderWithProviders(<WorkstreamPage id={ids.sales} />);
    expect(await screen.findByText(/WhatsApp is not set up on this workstream yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up WhatsApp' })).toHaveAttribute('href', `/workstreams/${ids.sales}/whatsapp`);
  });

  test('set up: shows the choices and leads to editing them', async () => {
    renderWithProviders(<WorkstreamPage id={ids.support} />);
    const section = within(await screen.findByRole('region', { name: 'WhatsApp' }));
    expect(section.getByText(/^Twilio sandbox/)).toBeInTheDocument();
    expect(section.getByText('Contoso support (sandbox)')).toBeInTheDocument();
    expect(section.getByText('English (en)')).toBeInTheDocument();
    // Greeting, agent assigned and out of hours, each in both languages.
    expect(section.getAllByText('On: English (en), Finnish (fi)')).toHaveLength(3);
    expect(section.queryByRole('link', { name: /^Edit (WhatsApp number|Language)/ })).not.toBeInTheDocument();
    expect(section.getByRole('link', { name: 'Edit setup' })).toHaveAttribute('href', `/workstreams/${ids.support}/whatsapp`);
  });

  test('removing asks first, says what happens, frees the number', async () => {
    const { user } = renderWithProviders(<WorkstreamPage id={ids.support} />);
    await user.click(await screen.findByRole('button', { name: 'Remove WhatsApp setup' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove the WhatsApp setup of WhatsApp customer support?' });
    expect(dialog).toHaveTextContent(/is freed and can be used by another workstream/);
    expect(dialog).toHaveTextContent(/New WhatsApp conversations stop arriving on this workstream/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(backend.db.data.workstreams.find((w) => w.id === ids.support)?.whatsapp).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove WhatsApp setup' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('The WhatsApp setup of WhatsApp customer support was removed.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Set up WhatsApp' })).toBeInTheDocument();
    expect(backend.db.data.workstreams.find((w) => w.id === ids.support)?.whatsapp).toBeNull();
  });
});
