/** Validation codes of routing rules, with their English wording. */
export const routingValidationMessages = {
  'ruleName.required': 'Enter a name for the rule.',
  'ruleName.tooLong': 'Keep the rule name to 100 characters or fewer.',
  'rules.tooMany': 'A workstream can have at most 100 routing rules.',
  'conditions.required': 'Add at least one condition.',
  'conditions.tooMany': 'A rule can have at most 10 conditions.',
  'condition.valueRequired': 'Enter the value to compare with.',
  'condition.valueTooLong': 'Keep the value to 200 characters or fewer.',
  'condition.operatorMismatch': 'This comparison does not apply to this field.',
  'condition.phoneInvalid': 'Write the number (or its start) with + and digits only, for example +358.',
  'condition.variableRequired': 'Choose the context variable to compare.',
  'condition.variableUnknown': 'This workstream has no context variable by this name. Add it under Advanced settings first.',
} as const;
