import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { expectNoAxeViolations } from '@/testing/axe';
import { renderWithProviders } from '@/testing/render';
import { CopyField } from './copy-field';

const field = (
  <main>
    <CopyField label="Inbound URL" value="https://example.test/in" hint="Paste this into WHEN A MESSAGE COMES IN." copyLabel="Copy inbound URL" />
  </main>
);

test('after Copy the instruction stays next to the field, and Copied is shown and announced', async () => {
  const { user } = renderWithProviders(field);
  await user.click(await screen.findByRole('button', { name: 'Copy inbound URL' }));
  expect(await navigator.clipboard.readText()).toBe('https://example.test/in');
  expect(screen.getByRole('button', { name: 'Copy inbound URL' })).toHaveTextContent('Copied');
  expect(screen.getByRole('status')).toHaveTextContent('Copied');
  expect(screen.getByRole('textbox', { name: 'Inbound URL' })).toHaveAccessibleDescription(/Paste this into WHEN A MESSAGE COMES IN\./);
  await expectNoAxeViolations();
});

test('when the clipboard refuses, says so without hiding the instruction', async () => {
  const { user } = renderWithProviders(field);
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
  await user.click(await screen.findByRole('button', { name: 'Copy inbound URL' }));
  const textbox = screen.getByRole('textbox', { name: 'Inbound URL' });
  expect(await screen.findByText(/copy it yourself/)).toBeInTheDocument();
  expect(screen.getByText('Paste this into WHEN A MESSAGE COMES IN.')).toBeInTheDocument();
  expect(textbox).toHaveAccessibleDescription(/Paste this into WHEN A MESSAGE COMES IN\./);
  await expectNoAxeViolations();
});
