import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, type ReactElement } from 'react';
import { LinkButton } from './link-button';

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
  body: { maxWidth: '56ch', color: tokens.colorNeutralForeground2 },
});

interface EmptyStateProps {
  icon: ReactElement<{ className?: string; 'aria-hidden'?: boolean }>;
  title: string;
  body: string;
  /** The way to start: a link styled as the page's primary button; none where nothing can be started. */
  action?: { to: string; label: string };
}

/** What a list page says when it has nothing yet: what it is for, and the way to start if there is one. */
export function EmptyState({ icon: Icon, title, body, action }: EmptyStateProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <span className={styles.icon} aria-hidden>
        {Icon}
      </span>
      <Subtitle1 as="h2" id={titleId}>
        {title}
      </Subtitle1>
      <Body1 as="p" className={styles.body}>
        {body}
      </Body1>
      {action && (
        <LinkButton to={action.to} appearance="primary" icon={<AddRegular />}>
          {action.label}
        </LinkButton>
      )}
    </section>
  );
}
