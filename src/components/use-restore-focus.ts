import { useEffect, useState } from 'react';

/**
 * Puts focus back where it was when a dialog opened, once it closes. Fluent does this only
 * for dialogs opened through a DialogTrigger; ours open from state. A caller that already
 * moved focus elsewhere (the row it came from was deleted) keeps its choice.
 */
export function useRestoreFocus(open: boolean) {
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const [wasOpen, setWasOpen] = useState(open);
  // Noted while rendering the change: by the time effects run, focus is inside the dialog.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpener(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  }
  useEffect(() => {
    // Runs once per closing: neither value changes again until the next opening.
    if (!open && opener?.isConnected && focusIsLost()) opener.focus();
  }, [open, opener]);
}

function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.closest('[role="dialog"], [role="alertdialog"]') !== null;
}
