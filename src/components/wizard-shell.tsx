import {
  Button,
  Caption1,
  Spinner,
  Title2,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { Checkmark12Filled } from '@fluentui/react-icons';
import { createContext, useContext, useId, useLayoutEffect, useRef, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './use-document-title';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  title: { margin: 0 },
  card: {
    display: 'grid',
    gridTemplateColumns: '240px minmax(0, 1fr)',
    minHeight: '520px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)', minHeight: 'auto' },
  },
  nav: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 720px)': {
      borderRight: 'none',
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: tokens.spacingHorizontalL,
    },
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    position: 'relative',
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalXXL,
    // The line that joins a step to the next one, as in the Microsoft admin center wizards.
    '::before': {
      content: '""',
      position: 'absolute',
      left: '9px',
      top: '24px',
      bottom: '4px',
      width: tokens.strokeWidthThin,
      backgroundColor: tokens.colorNeutralStroke1,
    },
    ':last-child': { paddingBottom: 0 },
    ':last-child::before': { display: 'none' },
  },
  marker: {
    flexShrink: 0,
    boxSizing: 'border-box',
    width: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForegroundOnBrand,
  },
  markerCurrent: {
    border: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandBackground}`,
  },
  markerDone: {
    border: 'none',
    backgroundColor: tokens.colorBrandBackground,
  },
  label: { paddingTop: '1px', color: tokens.colorNeutralForeground3 },
  labelCurrent: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  labelDone: { color: tokens.colorNeutralForeground1 },
  stepButton: {
    padding: 0,
    margin: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ...createFocusOutlineStyle(),
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL} 0`,
    minWidth: 0,
    '@media (max-width: 720px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} 0` },
  },
  stepHeading: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalL}`, ':focus': { outlineStyle: 'none' }, ':focus-visible': { outlineStyle: 'none' } },
  form: { display: 'flex', flexDirection: 'column', flexGrow: 1 },
  formBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, flexGrow: 1, maxWidth: '640px' },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXXL,
    padding: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalXXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  footerEnd: { marginLeft: 'auto' },
  visuallyHidden,
});

export interface WizardShellStep<Id extends string> {
  id: Id;
  label: string;
}

export interface WizardShellProps<Id extends string> {
  title: string;
  steps: readonly WizardShellStep<Id>[];
  current: Id;
  /** Lets the user go back to a completed step; without it the step list is only a map. */
  onStepSelect?: (id: Id) => void;
  /** The step's content, usually a {@link WizardForm}. */
  children: ReactNode;
}

/**
 * The frame of a multi-step task: page title, the list of steps, and the current step
 * under its own heading. Steps before the current one count as completed.
 */
export function WizardShell<Id extends string>({ title, steps, current, onStepSelect, children }: WizardShellProps<Id>) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(current);
  const currentIndex = Math.max(0, steps.findIndex((step) => step.id === current));
  useDocumentTitle(title);

  // Layout effect: a step may focus one of its own fields afterwards (a server error), and that should win.
  useLayoutEffect(() => {
    if (shownStep.current === current) return;
    shownStep.current = current;
    headingRef.current?.focus();
  }, [current]);

  return (
    <div className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      <div className={styles.card}>
        <nav aria-label={t('wizard.stepListLabel')} className={styles.nav}>
          <ol className={styles.list}>
            {steps.map((step, index) => {
              const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'later';
              return (
                <li key={step.id} className={styles.item}>
                  <span
                    aria-hidden
                    className={mergeClasses(
                      styles.marker,
                      state === 'current' && styles.markerCurrent,
                      state === 'done' && styles.markerDone,
                    )}
                  >
                    {state === 'done' && <Checkmark12Filled />}
                  </span>
                  <StepLabel
                    label={step.label}
                    state={state}
                    onSelect={state === 'done' && onStepSelect ? () => onStepSelect(step.id) : undefined}
                  />
                </li>
              );
            })}
          </ol>
        </nav>
        <section aria-labelledby={headingId} className={styles.content}>
          <Caption1>{t('wizard.stepOf', { current: currentIndex + 1, total: steps.length })}</Caption1>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
            {steps[currentIndex]?.label}
          </h2>
          {children}
        </section>
      </div>
    </div>
  );
}

function StepLabel({ label, state, onSelect }: { label: string; state: 'done' | 'current' | 'later'; onSelect: (() => void) | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const className = mergeClasses(
    styles.label,
    state === 'current' && styles.labelCurrent,
    state === 'done' && styles.labelDone,
  );
  const completed = state === 'done' && <span className={styles.visuallyHidden}> ({t('wizard.stepCompleted')})</span>;
  if (onSelect) {
    return (
      <span className={className}>
        <button type="button" className={styles.stepButton} onClick={onSelect}>
          {label}
          {completed}
        </button>
      </span>
    );
  }
  return (
    <span className={className} aria-current={state === 'current' ? 'step' : undefined}>
      {label}
      {completed}
    </span>
  );
}

/** A step's form: Enter in any field submits it, which is the wizard's Next. */
export function WizardForm({ onSubmit, footer, children }: { onSubmit: FormEventHandler<HTMLFormElement>; footer: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      <div className={styles.formBody}>{children}</div>
      {footer}
    </form>
  );
}

export interface WizardFooterProps {
  /** Absent on the first step. */
  onBack?: () => void;
  /** Absent once there is nothing left to cancel. */
  onCancel?: () => void;
  nextLabel?: string;
  /** The step is saving: Next shows progress and nothing else can be pressed. */
  busy?: boolean;
  busyLabel?: string;
}

/** What Next says on every step of a wizard that has no label of its own, e.g. "Back to Summary" after an Edit. */
export const WizardNextLabel = createContext<string | null>(null);

/** Back, Next (submits the step's form) and Cancel; must be rendered inside a {@link WizardForm}. */
export function WizardFooter({ onBack, onCancel, nextLabel, busy = false, busyLabel }: WizardFooterProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const wizardLabel = useContext(WizardNextLabel);
  const label = nextLabel ?? wizardLabel ?? t('common.next');
  return (
    <div className={styles.footer}>
      {onBack && (
        <Button type="button" onClick={onBack} disabled={busy}>
          {t('common.back')}
        </Button>
      )}
      <Button
        type="submit"
        appearance="primary"
        // Not disabledFocusable: on a native submit button that still submits the form. With
        // aria-disabled, Fluent cancels the click, and focus stays on the button the user pressed.
        aria-disabled={busy || undefined}
        icon={busy ? <Spinner size="tiny" /> : undefined}
      >
        {busy ? (busyLabel ?? label) : label}
      </Button>
      {onCancel && (
        <Button type="button" appearance="subtle" className={styles.footerEnd} onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      )}
      <span role="status" className={styles.visuallyHidden}>
        {busy ? (busyLabel ?? '') : ''}
      </span>
    </div>
  );
}
