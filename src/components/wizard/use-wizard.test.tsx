import { screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '@/api/problem';
import { renderWithProviders } from '@/testing/render';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { useWizard } from './use-wizard';
import { Wizard, type WizardStepProps } from './wizard';
import type { WizardStepDefinition } from './wizard-steps';

interface Values {
  name: string;
  token: string;
}
type Id = 'who' | 'secret' | 'review';

const request = z.strictObject({ name: z.string().min(1, 'name.required'), token: z.string().min(1, 'token.required') });
const steps: readonly WizardStepDefinition<Id, Values>[] = [
  { id: 'who', schema: request.pick({ name: true }), fields: ['name'] },
  { id: 'secret', schema: request.pick({ token: true }), fields: ['token'] },
  { id: 'review' },
];
const labels: Record<Id, string> = { who: 'Who', secret: 'Secret', review: 'Review' };

function TextStep({ form, onNext, onBack, onCancel, field }: WizardStepProps<Values> & { field: keyof Values }) {
  const error = form.formState.errors[field]?.message;
  return (
    <WizardForm onSubmit={form.handleSubmit(() => onNext())} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <label>
        {field}
        <input {...form.register(field)} aria-invalid={error ? true : undefined} />
      </label>
      {error && <p>{error}</p>}
    </WizardForm>
  );
}

interface HarnessProps {
  submit: (values: Values) => Promise<void>;
  persist?: (values: Values) => void;
  initial?: Values;
}

function Harness({ submit, persist, initial = { name: '', token: '' } }: HarnessProps) {
  const wizard = useWizard({
    steps,
    initialValues: () => initial,
    persist,
    hasChanges: (values) => values.name !== '' || values.token !== '',
    onLeave: () => {},
  });
  const finish = () => submit(wizard.form.getValues()).catch((error: unknown) => wizard.showServerErrors(error));
  return (
    <Wizard wizard={wizard} title="Test wizard" stepLabel={(id) => labels[id]} canSelectSteps cancelTitle="Discard?" cancelBody="Sure?">
      {(step, props) =>
        step === 'review' ? (
          <WizardForm
            onSubmit={(event) => {
              event.preventDefault();
              void finish();
            }}
            footer={<WizardFooter onBack={props.onBack} nextLabel="Finish" />}
          >
            <p>Ready</p>
          </WizardForm>
        ) : (
          <TextStep {...props} field={step === 'who' ? 'name' : 'token'} />
        )
      }
    </Wizard>
  );
}

function renderHarness(props: HarnessProps, search = '?step=who') {
  return renderWithProviders([{ path: '/wizard', element: <Harness {...props} /> }], { initialEntries: [`/wizard${search}`] });
}

const heading = (name: string) => screen.findByRole('heading', { level: 2, name });
const next = () => screen.getByRole('button', { name: 'Next' });

describe('the wizard engine', () => {
  test('a deep link past incomplete steps lands on the first incomplete one', async () => {
    const { router } = renderHarness({ submit: vi.fn() }, '?step=review');
    await heading('Who');
    expect(router.state.location.search).toBe('?step=who');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  test('Next validates only the current step, and every value lives on in the one form', async () => {
    const submit = vi.fn(() => Promise.resolve());
    const { user, router } = renderHarness({ submit });
    await heading('Who');
    await user.click(next());
    expect(await screen.findByText('name.required')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'name' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: 'name' }), 'Contoso');
    await user.click(next());
    await heading('Secret');
    // A step starts fresh: nothing is said about its field before the user has been there.
    expect(screen.queryByText('token.required')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'token' }), 's3cret');
    await user.click(next());
    await heading('Review');
    expect(router.state.location.search).toBe('?step=review');
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(submit).toHaveBeenCalledWith({ name: 'Contoso', token: 's3cret' });
  });

  test("a failed submit's field errors are shown on the steps that own them, the first one at once", async () => {
    const failure = new ApiError({
      type: 'about:blank',
      title: 'Invalid',
      status: 422,
      errors: [
        { path: 'token', code: 'token.revoked', message: 'Revoked' },
        { path: 'name', code: 'name.taken', message: 'Taken' },
      ],
    });
    const { user, router } = renderHarness({ submit: () => Promise.reject(failure), initial: { name: 'Contoso', token: 's3cret' } }, '?step=review');
    await heading('Review');
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await heading('Who')).toBeInTheDocument();
    expect(await screen.findByText('name.taken')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'name' })).toHaveFocus();
    expect(router.state.location.search).toBe('?step=who');
    await user.clear(screen.getByRole('textbox', { name: 'name' }));
    await user.type(screen.getByRole('textbox', { name: 'name' }), 'Fabrikam');
    await user.click(next());
    await heading('Secret');
    expect(await screen.findByText('token.revoked')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'token' })).toHaveFocus();
  });

  test('the draft is derived from the values on every change, and can leave secrets out', async () => {
    const stored: string[] = [];
    const persist = ({ name }: Values) => void stored.push(JSON.stringify({ name }));
    const { user } = renderHarness({ submit: vi.fn(), persist, initial: { name: 'Contoso', token: '' } }, '?step=secret');
    await heading('Secret');
    await user.type(screen.getByRole('textbox', { name: 'token' }), 'top-secret');
    expect(stored[0]).toBe('{"name":"Contoso"}');
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.join()).not.toContain('top-secret');
  });
});
