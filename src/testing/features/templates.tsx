import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { demoIds, renderWithProviders, type createTestBackend } from '@/testing/render';
import { TemplatesPanel } from '../../features/templates/components/templates-panel';

export type Backend = ReturnType<typeof createTestBackend>;
type User = ReturnType<typeof userEvent.setup>;

export async function renderPanel(accountId: string = demoIds.sandboxAccount) {
  const rendered = renderWithProviders(
    <main>
      <h1>Account</h1>
      <TemplatesPanel accountId={accountId} />
    </main>,
  );
  await screen.findByRole('heading', { level: 2, name: 'Message templates' });
  return rendered;
}

export const group = (name: string) => screen.getByRole('region', { name });
export const findGroup = (name: string) => screen.findByRole('region', { name });

/** The rows of a group's table as "Language | Category | Status…", without the header. */
export function variantRows(name: string) {
  return within(group(name))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((cell) => cell.textContent)
        .join(' | '),
    );
}

export const editor = () => screen.findByRole('dialog');
export const field = (dialog: HTMLElement, name: string | RegExp) => within(dialog).getByRole('textbox', { name });
export const preview = (dialog: HTMLElement) => within(dialog).getByRole('region', { name: 'Preview' });

export async function chooseLanguage(user: User, dialog: HTMLElement, search: string, option: string | RegExp) {
  const combobox = within(dialog).getByRole('combobox', { name: /^Language/ });
  await user.clear(combobox);
  await user.type(combobox, search);
  await user.click(await screen.findByRole('option', { name: option }));
}

/** Fills a new template's required fields (the body without variables unless given). */
export async function fillTemplate(user: User, dialog: HTMLElement, values: { name: string; language?: [string, RegExp]; body: string }) {
  await user.type(field(dialog, /^Name/), values.name);
  if (values.language) await chooseLanguage(user, dialog, values.language[0], values.language[1]);
  await user.click(field(dialog, /^Message text/));
  await user.paste(values.body);
}
