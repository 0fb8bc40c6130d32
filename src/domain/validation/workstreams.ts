/** Validation codes of workstreams, with their English wording. */
export const workstreamValidationMessages = {
  'workstreamName.taken': 'Another workstream already has this name. Choose a different one.',
  'queue.required': 'Choose a queue.',
  'queue.notFound': 'This queue does not exist any more. Choose another one.',
  'capacity.range': 'Capacity is a whole number from 1 to 1000.',
  'minutes.range': 'Enter a whole number of minutes within the range shown.',
  'days.range': 'Enter a whole number of days from 1 to 90.',
  'presences.required': 'Choose at least one presence in which agents can get work.',
  'variableName.required': 'Enter a name for the context variable.',
  'variableName.invalid': 'A variable name starts with a letter and has only letters, digits and underscores (at most 50).',
  'variableName.duplicate': 'Another context variable already has this name.',
  'variables.tooMany': 'A workstream can have at most 50 context variables.',
  'botName.required': 'Enter the bot’s name.',
  'botName.tooLong': 'Keep the bot’s name to 100 characters or fewer.',
  'distributionMode.fixed': 'The work distribution mode cannot be changed after the workstream is created.',
} as const;
