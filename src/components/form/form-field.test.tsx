import { Input, Select } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { expectNoAxeViolations } from '@/testing/axe';
import { renderWithProviders } from '@/testing/render';
import { FormField } from './form-field';

function ColourForm({ error }: { error?: string }) {
  const form = useForm({ defaultValues: { colour: '' } });
  return (
    <form>
      <FormField control={form.control} name="colour" label="Colour" hint="The one you like.">
        {(field) => (
          <Select ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
            <option value="">Choose</option>
            <option value="red">Red</option>
          </Select>
        )}
      </FormField>
      {error && (
        <button type="button" onClick={() => form.setError('colour', { type: 'server', message: error })}>
          Refuse
        </button>
      )}
    </form>
  );
}

test('the input is named by the label, described by the hint and bound to the form', async () => {
  const { user } = renderWithProviders(<ColourForm />);
  const select = screen.getByRole('combobox', { name: 'Colour' });
  expect(select).toHaveAccessibleDescription('The one you like.');
  await user.selectOptions(select, 'red');
  expect(select).toHaveValue('red');
});

test('an error carrying a validation code is worded under the field, which is marked invalid', async () => {
  const { user } = renderWithProviders(<ColourForm error="name.required" />);
  await user.click(screen.getByRole('button', { name: 'Refuse' }));
  const select = screen.getByRole('combobox', { name: 'Colour' });
  await waitFor(() => expect(select).toHaveAttribute('aria-invalid', 'true'));
  expect(screen.getByText('Enter a name.')).toBeInTheDocument();
});

test('an error already in words is shown as it is', async () => {
  const { user } = renderWithProviders(<ColourForm error="Red is sold out." />);
  await user.click(screen.getByRole('button', { name: 'Refuse' }));
  expect(await screen.findByText('Red is sold out.')).toBeInTheDocument();
});

function NoteForm() {
  const form = useForm({ defaultValues: { note: '' } });
  return (
    <form>
      <FormField
        control={form.control}
        name="note"
        label="Note"
        hint={(field) => `${field.value.length} characters`}
        errorText={(error) => (error?.message ? `Own words: ${error.message}` : undefined)}
      >
        {(field, { error }) => () => (
          <>
            <Input ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} />
            <span>{error ? 'has error' : 'no error'}</span>
          </>
        )}
      </FormField>
      <button type="button" onClick={() => form.setError('note', { type: 'server', message: 'name.required' })}>
        Refuse
      </button>
    </form>
  );
}

test('a hint can follow the value, the input can sit among other elements and the error can be worded its own way', async () => {
  const { user } = renderWithProviders(<NoteForm />);
  const input = screen.getByRole('textbox', { name: 'Note' });
  await user.type(input, 'abc');
  expect(input).toHaveAccessibleDescription('3 characters');
  expect(screen.getByText('no error')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Refuse' }));
  expect(await screen.findByText('Own words: name.required')).toBeInTheDocument();
  expect(screen.getByText('has error')).toBeInTheDocument();
  expect(input).toHaveAttribute('aria-invalid', 'true');
});

const cityRequired = zodResolver(z.object({ city: z.string().min(1, 'Enter a city.') }));

function TouchedForm() {
  const form = useForm({ mode: 'onTouched', defaultValues: { city: '' }, resolver: cityRequired });
  return (
    <form>
      <FormField control={form.control} name="city" label="City">
        {(field) => <Input ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur} />}
      </FormField>
      <button type="button">Add city</button>
    </form>
  );
}

test('an error found while a button is pressed waits for the release, so the button does not move before its click', async () => {
  const { user } = renderWithProviders(<TouchedForm />);
  const input = screen.getByRole('textbox', { name: 'City' });
  const button = screen.getByRole('button', { name: 'Add city' });
  await user.click(input);

  await user.pointer({ keys: '[MouseLeft>]', target: button });
  expect(button).toHaveFocus();
  // The blur has been validated by now; the error is held while the press lasts.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(input).not.toHaveAttribute('aria-invalid', 'true');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();

  await user.pointer({ keys: '[/MouseLeft]', target: button });
  await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
  expect(screen.getByRole('alert')).toBeInTheDocument();
});

test('leaving the field with the keyboard shows its error at once', async () => {
  const { user } = renderWithProviders(<TouchedForm />);
  const input = screen.getByRole('textbox', { name: 'City' });
  await user.click(input);
  await user.tab();
  await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
  expect(screen.getByRole('alert')).toBeInTheDocument();
  await expectNoAxeViolations();
});
