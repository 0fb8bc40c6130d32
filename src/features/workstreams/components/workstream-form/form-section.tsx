import { Body1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    '@media (max-width: 720px)': { padding: tokens.spacingHorizontalL },
  },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  intro: { display: 'block', marginTop: `calc(-1 * ${tokens.spacingVerticalS})`, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
});

/** A card of the workstream page with its heading, like the sections of the reference admin center. */
export function FormSection({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 className={styles.heading} id={headingId}>
        {title}
      </h2>
      {intro && (
        <Body1 as="p" className={styles.intro}>
          {intro}
        </Body1>
      )}
      {children}
    </section>
  );
}

/** A card for content that brings its own heading. */
export function SectionCard({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.root}>{children}</div>;
}
