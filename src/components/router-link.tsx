import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';

/**
 * A Fluent link that navigates through the router, so that blockers (unsaved changes)
 * and the demo's hash history apply, while it stays a real link for new tabs.
 */
export function RouterLink({ to, children, className }: { to: To; children: ReactNode; className?: string }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link href={href} onClick={onClick} className={className}>
      {children}
    </Link>
  );
}
