import { useCallback, useEffect, useState } from 'react';
import { clearDraft, emptyDraft, hasInput, isStepComplete, loadDraft, saveDraft, type WizardDraft } from './wizard-draft';
import type { FormStep } from './wizard-steps';

/**
 * What the user typed, kept across steps and page reloads (sessionStorage). The auth
 * token lives only here in memory: it is never written anywhere.
 */
export function useDraft({ created }: { created: boolean }) {
  const [start] = useState(() => {
    const stored = loadDraft();
    return { draft: stored ?? emptyDraft(), restored: stored !== null };
  });
  const [draft, setDraft] = useState(start.draft);
  const [authToken, setAuthToken] = useState('');

  useEffect(() => {
    // Once the account exists the draft has done its job; keeping it would offer to create it again.
    if (created) clearDraft();
    else saveDraft(draft);
  }, [draft, created]);

  const update = useCallback((change: Partial<WizardDraft>) => setDraft((current) => ({ ...current, ...change })), []);

  return {
    draft,
    authToken,
    setAuthToken,
    update,
    /** Whether the draft came from storage, after a reload. */
    restored: start.restored,
    hasInput: hasInput(draft, authToken),
    isStepComplete: (step: FormStep) => isStepComplete(step, draft, authToken),
    discard: clearDraft,
  };
}
