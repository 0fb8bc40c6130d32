import { useCallback, useEffect, useState } from 'react';
import type { Workstream } from '@/api/contract/workstream';
import { draftFromSetup, hasChanges, loadDraft, saveDraft, withPrimaryLanguage, type SetupDraft } from './setup-draft';
import { behaviorsStepSchema, languageStepSchema, numberStepSchema, type BehaviorsValues } from './step-schemas';
import type { FormStep } from './setup-steps';

function startOf(workstream: Workstream) {
  const initial = draftFromSetup(workstream.whatsapp, workstream.version);
  const stored = loadDraft(workstream.id);
  return { initial, draft: stored ?? initial, restored: stored !== null };
}

/** The behaviors as their step edits them: the channel's language first in every message. */
export function behaviorsOf(draft: SetupDraft): BehaviorsValues {
  return { messages: withPrimaryLanguage(draft.messages, draft.language), survey: draft.survey };
}

export function isStepComplete(step: FormStep, draft: SetupDraft): boolean {
  switch (step) {
    case 'number':
      return numberStepSchema.safeParse({ numberId: draft.numberId }).success;
    case 'language':
      return languageStepSchema.safeParse({ language: draft.language }).success;
    case 'behaviors':
      return behaviorsStepSchema.safeParse(behaviorsOf(draft)).success;
    case 'features':
      return true;
  }
}

/**
 * The wizard's choices, starting from the saved setup (or a blank one), kept across steps
 * and page reloads in sessionStorage while they differ from what is saved.
 */
export function useSetupDraft(workstream: Workstream) {
  const [state, setState] = useState(() => startOf(workstream));
  const { draft, initial } = state;
  const changed = hasChanges(draft, initial);

  useEffect(() => {
    saveDraft(workstream.id, changed ? draft : null);
  }, [workstream.id, draft, changed]);

  const update = useCallback(
    (change: Partial<SetupDraft>) => setState((current) => ({ ...current, draft: { ...current.draft, ...change } })),
    [],
  );

  return {
    draft,
    update,
    restored: state.restored,
    hasChanges: changed,
    isStepComplete: (step: FormStep) => isStepComplete(step, draft),
    discard: () => saveDraft(workstream.id, null),
    /** Starts over from the setup as it is saved now (after someone else changed it). */
    restart: (fresh: Workstream) => {
      saveDraft(fresh.id, null);
      const initialDraft = draftFromSetup(fresh.whatsapp, fresh.version);
      setState({ initial: initialDraft, draft: initialDraft, restored: false });
    },
  };
}
