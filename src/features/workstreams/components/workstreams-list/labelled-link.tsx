import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/**
 * A router link whose accessible name can say more than its text: in a table, "Set up
 * WhatsApp" alone repeats on every row, so the name adds which workstream it is for.
 */
export function LabelledLink({ to, label, children }: { to: string; label: string; children: ReactNode }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link href={href} onClick={onClick} aria-label={label}>
      {children}
    </Link>
  );
}
