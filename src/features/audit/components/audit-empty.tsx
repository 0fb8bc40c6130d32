import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useId } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    textAlign: 'center',
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  body: { maxWidth: '56ch', color: tokens.colorNeutralForeground2, margin: 0 },
});

/** An empty log: nothing recorded yet, or nothing that matches the filters. There is nothing to start here. */
export function AuditEmpty({ title, body }: { title: string; body: string }) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <HistoryRegular className={styles.icon} aria-hidden />
      <Subtitle1 as="h2" id={titleId}>
        {title}
      </Subtitle1>
      <Body1 as="p" className={styles.body}>
        {body}
      </Body1>
    </section>
  );
}
