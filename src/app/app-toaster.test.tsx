import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { initI18n } from '@/i18n/i18n';
import { useNotify } from '@/components/toast';
import { AppToaster } from './app-toaster';

beforeAll(async () => {
  await initI18n('en');
});

afterEach(async () => {
  await act(() => i18next.changeLanguage('en'));
});

function Saver() {
  const notify = useNotify();
  return <button onClick={() => notify('Routing rules saved.')}>Save</button>;
}

test('a toast written in the old language does not stay after the language is switched', async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <Saver />
      <AppToaster />
    </FluentProvider>,
  );
  act(() => screen.getByRole('button', { name: 'Save' }).click());
  expect(await screen.findByText('Routing rules saved.')).toBeInTheDocument();

  await act(() => i18next.changeLanguage('fi'));
  await waitFor(() => expect(screen.queryByText('Routing rules saved.')).not.toBeInTheDocument());
  expect(screen.getByRole('complementary', { name: 'Ilmoitukset' })).toBeInTheDocument();
});
