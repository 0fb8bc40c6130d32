import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { backendForThisFile } from '@/testing/render';
import { changeElsewhere, pageHeading, recordRequests, renderEditPage, sample, saveButton, seedAccount, storedAccount } from '../../../../testing/features/edit-account';

const backend = backendForThisFile();

const sidInput = () => screen.getByRole('textbox', { name: 'Account SID' });
/** A password input has no role; the label's text includes the aria-hidden required marker. */
const newTokenInput = () => screen.getByLabelText(/^New auth token/, { selector: 'input' });
const queryNewTokenInput = () => screen.queryByLabelText(/^New auth token/, { selector: 'input' });
const replaceButton = () => screen.getByRole('button', { name: 'Replace auth token' });

async function openAccountTab() {
  seedAccount(backend);
  const rendered = renderEditPage('?tab=account');
  await pageHeading();
  return rendered;
}

describe('Account details tab', () => {
  test('shows the SID and which token is stored, never the token', async () => {
    await openAccountTab();
    expect(sidInput()).toHaveValue(sample.accountSid);
    expect(sidInput()).toHaveAccessibleDescription(/Starts with AC\./);
    expect(screen.getByRole('group', { name: 'Auth token' })).toHaveTextContent('A token ending in 1234 is stored.');
    expect(queryNewTokenInput()).not.toBeInTheDocument();
  });

  test('a replaced token is sent alone, the new hint shows, and the token is gone from the page', async () => {
    const requests = recordRequests(backend);
    const { user, queryClient } = await openAccountTab();
    await user.click(replaceButton());
    expect(newTokenInput()).toHaveFocus();
    expect(newTokenInput()).toHaveAttribute('type', 'password');
    await user.type(newTokenInput(), sample.authToken);
    await user.click(screen.getByRole('button', { name: 'Show auth token' }));
    expect(newTokenInput()).toHaveAttribute('type', 'text');
    await user.click(saveButton());

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(requests.map((r) => r.body)).toEqual([{ version: 1, authToken: sample.authToken }]);
    expect(await screen.findByText(`A token ending in ${sample.authToken.slice(-4)} is stored.`)).toBeInTheDocument();
    expect(storedAccount(backend)).toMatchObject({ authTokenHint: sample.authToken.slice(-4), version: 2 });
    expect(queryNewTokenInput()).not.toBeInTheDocument();
    expect(replaceButton()).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(sample.authToken);
    // Nor does the query client keep the request that carried it.
    await waitFor(() =>
      expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state.variables))).not.toContain(sample.authToken),
    );
  });

  test('Keep the current token hides the field, forgets what was typed and sends no token', async () => {
    const requests = recordRequests(backend);
    const { user } = await openAccountTab();
    await user.click(replaceButton());
    await user.type(newTokenInput(), '123');
    await user.click(screen.getByRole('button', { name: 'Keep the current token' }));
    expect(queryNewTokenInput()).not.toBeInTheDocument();
    expect(replaceButton()).toHaveFocus();
    await user.click(replaceButton());
    expect(newTokenInput()).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Keep the current token' }));

    await user.clear(sidInput());
    await user.type(sidInput(), sample.otherSid);
    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(requests.map((r) => r.body)).toEqual([{ version: 1, accountSid: sample.otherSid }]);
  });

  test('a replacement must be a valid token, and the SID a valid SID', async () => {
    const requests = recordRequests(backend);
    const { user } = await openAccountTab();
    await user.clear(sidInput());
    await user.type(sidInput(), 'AC1234');
    await user.click(replaceButton());
    await user.click(saveButton());
    expect(await screen.findByText('An Account SID has AC followed by exactly 32 letters a–f and digits.')).toBeInTheDocument();
    expect(screen.getByText('Enter the auth token from the Twilio console.')).toBeInTheDocument();
    expect(sidInput()).toHaveFocus();
    expect(requests).toEqual([]);
  });

  test('a version conflict keeps the typed token through Reload, then saves it', async () => {
    const { user } = await openAccountTab();
    await user.click(replaceButton());
    await user.type(newTokenInput(), sample.authToken);
    changeElsewhere(backend, { name: 'Renamed elsewhere' });
    await user.click(saveButton());
    await user.click(await screen.findByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument());
    expect(newTokenInput()).toHaveValue(sample.authToken);
    expect(await pageHeading('Renamed elsewhere')).toBeInTheDocument();
    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(storedAccount(backend)).toMatchObject({ name: 'Renamed elsewhere', authTokenHint: sample.authToken.slice(-4), version: 3 });
  });

  test('a server failure keeps the token typed; Try again sends it', async () => {
    const { user } = await openAccountTab();
    await user.click(replaceButton());
    await user.type(newTokenInput(), sample.authToken);
    backend.faults.failNextWrite();
    await user.click(saveButton());
    expect(await screen.findByText(/Something went wrong on the server/)).toBeInTheDocument();
    expect(newTokenInput()).toHaveValue(sample.authToken);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(queryNewTokenInput()).not.toBeInTheDocument();
  });
});
