import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, test } from 'vitest';
import { chooseLanguage, chooseNumber, nextButton, renderSetup, stepHeading, startDemoBackend } from '../../../../testing/features/whatsapp-setup';

startDemoBackend();
afterEach(() => i18next.changeLanguage('en'));

describe('the language step', () => {
  test('is required', async () => {
    const { user } = renderSetup();
    await chooseNumber(user, /Helsinki service/);
    await stepHeading('Language');
    await user.click(nextButton());
    expect(await screen.findByText('Choose a language.')).toBeInTheDocument();
  });

  test('searches WhatsApp languages by name or code, named in English', async () => {
    const { user } = renderSetup();
    await chooseNumber(user, /Helsinki service/);
    await stepHeading('Language');
    const box = screen.getByRole('combobox', { name: 'Language' });
    await user.click(box);
    await user.type(box, 'portug');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Brazilian Portuguese (pt_BR)', 'European Portuguese (pt_PT)']);
    await user.clear(box);
    await user.type(box, 'zh_');
    expect(screen.getAllByRole('option')).toHaveLength(3);
    await user.clear(box);
    await user.type(box, 'klingon');
    expect(screen.getByRole('option')).toHaveTextContent('No language matches “klingon”.');
  });

  test('a chosen language leads on and is shown when coming back', async () => {
    const { user } = renderSetup();
    await chooseNumber(user, /Helsinki service/);
    await chooseLanguage(user, 'finn', 'Finnish (fi)');
    await stepHeading('Behaviors');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading('Language');
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('Finnish (fi)');
  });

  test('names the languages in Finnish when the UI is in Finnish', async () => {
    await i18next.changeLanguage('fi');
    const { user } = renderSetup();
    await stepHeading('WhatsApp-numero');
    await user.click(screen.getByRole('radio', { name: /Helsinki service/ }));
    await user.click(screen.getByRole('button', { name: 'Seuraava' }));
    await stepHeading('Kieli');
    const box = screen.getByRole('combobox', { name: 'Kieli' });
    await user.click(box);
    await user.type(box, 'suo');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Suomi (fi)']);
    await user.clear(box);
    await user.type(box, 'ruotsi');
    await user.click(screen.getByRole('option', { name: 'Ruotsi (sv)' }));
    expect(box).toHaveValue('Ruotsi (sv)');
  });
});
