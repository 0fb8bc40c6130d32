import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0 },
  term: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXXS },
  value: { ...typographyStyles.body1Strong, margin: 0 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
});

export interface ReadOnlyFact {
  label: string;
  value: ReactNode;
  hint?: string;
}

/**
 * What a record is and cannot be changed to (its type, its channel), shown as text under
 * its label: an input that never takes input only looks like one that should.
 */
export function ReadOnlyFacts({ facts, className }: { facts: ReadOnlyFact[]; className?: string }) {
  const styles = useStyles();
  return (
    <dl className={mergeClasses(styles.list, className)}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt className={styles.term}>{fact.label}</dt>
          <dd className={styles.value}>
            {fact.value}
            {fact.hint && <div className={styles.hint}>{fact.hint}</div>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
