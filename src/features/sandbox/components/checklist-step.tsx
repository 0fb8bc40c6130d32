import { Body1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
  },
  done: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  icon: { fontSize: '28px', flexShrink: 0, color: tokens.colorNeutralForeground3 },
  doneIcon: { color: tokens.colorPaletteGreenForeground1 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, flexGrow: 1, minWidth: 0 },
  heading: { margin: 0 },
  state: { color: tokens.colorNeutralForeground2 },
});

interface ChecklistStepProps {
  number: number;
  title: string;
  /** Done shows green; null for a step the app cannot check (it shows neither). */
  done: boolean | null;
  children: ReactNode;
}

/** One step of the checklist: its number and title, whether it is done, and what to do. */
export function ChecklistStep({ number, title, done, children }: ChecklistStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  return (
    <li className={mergeClasses(styles.root, done === true && styles.done)} aria-labelledby={headingId}>
      {done ? (
        <CheckmarkCircleFilled className={mergeClasses(styles.icon, styles.doneIcon)} aria-hidden />
      ) : (
        <CircleRegular className={styles.icon} aria-hidden />
      )}
      <div className={styles.content}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {`${number}. ${title}`}
        </Subtitle2>
        {done !== null && <Body1 className={styles.state}>{done ? t('sandbox.stepDone') : t('sandbox.stepToDo')}</Body1>}
        {children}
      </div>
    </li>
  );
}
