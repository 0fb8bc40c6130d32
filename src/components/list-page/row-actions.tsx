import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { LinkButton } from '../link-button';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface RowAction {
  /** The visible word (Edit, Delete), the same on every row. */
  text: string;
  /** The accessible name, which says which record: "Edit Contoso". */
  label: string;
  icon: ReactElement;
  /** A link when the action opens a page, */
  to?: string;
  /** or a button when it opens a dialog here. */
  onClick?: () => void;
  /** Why the action is not available for this row; it stays focusable so the reason can be read. */
  unavailableReason?: string;
}

/** The actions of a table row, each named for its record so that a list of them still says which is which. */
export function RowActions({ actions, children }: { actions: RowAction[]; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      {actions.map((action) => (
        <RowActionButton key={action.text} action={action} />
      ))}
      {children}
    </div>
  );
}

function RowActionButton({ action }: { action: RowAction }) {
  if (action.to) {
    return (
      <LinkButton to={action.to} size="small" icon={action.icon} aria-label={action.label}>
        {action.text}
      </LinkButton>
    );
  }
  const button = (
    <Button size="small" icon={action.icon} aria-label={action.label} disabledFocusable={action.unavailableReason !== undefined} onClick={action.onClick}>
      {action.text}
    </Button>
  );
  return action.unavailableReason ? (
    <Tooltip content={action.unavailableReason} relationship="description">
      {button}
    </Tooltip>
  ) : (
    button
  );
}
