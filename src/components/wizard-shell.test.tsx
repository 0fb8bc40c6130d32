import { Field, Input } from '@fluentui/react-components';
import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { WizardFooter, WizardForm, WizardShell } from './wizard-shell';

const steps = [
  { id: 'first', label: 'First step' },
  { id: 'second', label: 'Second step' },
  { id: 'third', label: 'Third step' },
] as const;
type Id = (typeof steps)[number]['id'];

function Harness({ initial = 'second', onSubmit = () => {}, busy = false }: { initial?: Id; onSubmit?: () => void; busy?: boolean }) {
  const [current, setCurrent] = useState<Id>(initial);
  const index = steps.findIndex((step) => step.id === current);
  return (
    <WizardShell title="Create a thing" steps={steps} current={current} onStepSelect={setCurrent}>
      <WizardForm
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
          setCurrent(steps[Math.min(index + 1, steps.length - 1)]!.id);
        }}
        footer={<WizardFooter onBack={index > 0 ? () => setCurrent(steps[index - 1]!.id) : undefined} onCancel={() => {}} busy={busy} busyLabel="Working…" />}
      >
        <Field label="Thing name">
          <Input />
        </Field>
      </WizardForm>
    </WizardShell>
  );
}

describe('WizardShell', () => {
  test('shows the title, the step list with the current step and the step heading', () => {
    renderWithProviders(<Harness />);
    expect(screen.getByRole('heading', { level: 1, name: 'Create a thing' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Steps' });
    const items = within(within(nav).getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(nav).getByText('Second step')).toHaveAttribute('aria-current', 'step');
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Second step' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Second step' })).toBeInTheDocument();
  });

  test('completed steps are buttons, later steps are not', async () => {
    const { user } = renderWithProviders(<Harness />);
    const nav = screen.getByRole('navigation', { name: 'Steps' });
    expect(within(nav).getAllByRole('button')).toHaveLength(1);
    expect(within(nav).queryByRole('button', { name: /Third step/ })).not.toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: 'First step (completed)' }));
    expect(screen.getByRole('heading', { level: 2, name: 'First step' })).toBeInTheDocument();
    expect(within(nav).queryAllByRole('button')).toHaveLength(0);
  });

  test('moves focus to the step heading when the step changes, not on first render', async () => {
    const { user } = renderWithProviders(<Harness />);
    expect(screen.getByRole('heading', { level: 2 })).not.toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2, name: 'First step' })).toHaveFocus();
  });

  test('Enter in a field submits the step, which is Next', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithProviders(<Harness onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: 'Thing name' }), 'x{Enter}');
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(screen.getByRole('heading', { level: 2, name: 'Third step' })).toHaveFocus();
  });

  test('the footer has Back, a primary Next and Cancel; the first step has no Back', () => {
    renderWithProviders(<Harness initial="first" />);
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('type', 'submit');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  test('while busy, Next shows progress and cannot be pressed again', async () => {
    const onSubmit = vi.fn();
    const { user } = renderWithProviders(<Harness onSubmit={onSubmit} busy />);
    const next = screen.getByRole('button', { name: 'Working…' });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Working…');
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.click(next);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
