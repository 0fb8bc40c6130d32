import type { WizardStepDefinition } from '@/components/wizard/wizard-steps';
import { withPrimaryLanguage, type SetupDraft } from './setup-draft';
import type { SetupStep } from './setup-steps';
import { behaviorsStepSchema, featuresStepSchema, languageStepSchema, numberStepSchema, type BehaviorsValues } from './step-schemas';

/** The behaviors as their step edits them: the channel's language first in every message. */
export function behaviorsOf(values: SetupDraft): BehaviorsValues {
  return { messages: withPrimaryLanguage(values.messages, values.language), survey: values.survey };
}

export const setupSteps: readonly WizardStepDefinition<SetupStep, SetupDraft>[] = [
  { id: 'number', schema: numberStepSchema, fields: ['numberId'] },
  { id: 'language', schema: languageStepSchema, fields: ['language'] },
  {
    id: 'behaviors',
    schema: behaviorsStepSchema,
    fields: ['messages', 'survey'],
    isComplete: (values) => behaviorsStepSchema.safeParse(behaviorsOf(values)).success,
  },
  { id: 'features', schema: featuresStepSchema, fields: ['attachments'] },
  { id: 'summary' },
];
