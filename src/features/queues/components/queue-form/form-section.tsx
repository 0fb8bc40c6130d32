import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** A titled part of the form, a landmark-free region that screen readers can jump to by heading. */
export function FormSection({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.root} aria-labelledby={id}>
      <Subtitle1 as="h2" id={id} className={styles.heading}>
        {title}
      </Subtitle1>
      {intro && (
        <Body1 as="p" className={styles.intro}>
          {intro}
        </Body1>
      )}
      {children}
    </section>
  );
}
