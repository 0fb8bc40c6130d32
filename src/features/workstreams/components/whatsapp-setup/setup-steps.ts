export type SetupStep = 'number' | 'language' | 'behaviors' | 'features' | 'summary';

/** The steps that collect input; the summary only shows it. */
export type FormStep = Exclude<SetupStep, 'summary'>;
