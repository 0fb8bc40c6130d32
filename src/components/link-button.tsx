import { Button, type ButtonProps } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';

type LinkButtonProps = Pick<ButtonProps, 'appearance' | 'icon' | 'size' | 'children' | 'className'> & {
  to: To;
  'aria-label'?: string;
};

/**
 * A link that looks like a button: it goes somewhere, so it is an <a> that opens in a
 * new tab on middle-click, but in-app clicks stay in the router.
 */
export function LinkButton({ to, ...props }: LinkButtonProps) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Button
      {...props}
      as="a"
      href={href}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => handleClick(event)}
    />
  );
}
