import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RouterLink } from '../router-link';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  spaced: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface UsageItem {
  key: string;
  content: ReactNode;
  /** Where to change it, when the item is a record of its own. */
  to?: string;
}

/** Where a record is used, or what goes with it: one line each, a link where there is a page. */
export function UsageList({ items, spaced = false }: { items: UsageItem[]; /** For lines that wrap. */ spaced?: boolean }) {
  const styles = useStyles();
  return (
    <ul className={mergeClasses(styles.list, spaced && styles.spaced)}>
      {items.map((item) => (
        <li key={item.key}>{item.to ? <RouterLink to={item.to}>{item.content}</RouterLink> : item.content}</li>
      ))}
    </ul>
  );
}
