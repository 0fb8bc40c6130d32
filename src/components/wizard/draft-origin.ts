/**
 * Where a restored wizard draft comes from. Drafts live in sessionStorage, so one also comes
 * back when the user leaves the wizard inside the app and returns; only a draft written by an
 * earlier load of this page, now reloaded, may be called "restored after a reload".
 */
export type DraftOrigin = 'reload' | 'earlier';

/** Changes with every load of the page, and stays while the user moves around inside the app. */
function thisPageLoad(): number | null {
  return typeof performance === 'undefined' ? null : performance.timeOrigin;
}

function navigationType(): string | null {
  try {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry?.type ?? null;
  } catch {
    return null;
  }
}

/** The mark a draft is stored with, to tell later where it was written. */
export function pageLoadMark(): { pageLoad: number | null } {
  return { pageLoad: thisPageLoad() };
}

/** Whether the page was reloaded since the draft with this mark was written. */
export function draftOrigin(pageLoad: unknown): DraftOrigin {
  return pageLoad !== thisPageLoad() && navigationType() === 'reload' ? 'reload' : 'earlier';
}
