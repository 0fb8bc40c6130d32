import { Body1, Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/components/use-document-title';

const useStyles = makeStyles({
  card: {
    width: 'min(100%, 440px)',
    margin: `${tokens.spacingVerticalXXXL} auto`,
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** The card of the pages people see before they are signed in: a heading, a sentence, the content. */
export function AuthFrame({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const styles = useStyles();
  useDocumentTitle(title);
  return (
    <Card className={styles.card}>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      {intro && (
        <Body1 as="p" className={styles.intro}>
          {intro}
        </Body1>
      )}
      {children}
    </Card>
  );
}

/** The fields of an auth form one under the other, the button last. */
export const useAuthFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-end', marginTop: tokens.spacingVerticalS },
});
