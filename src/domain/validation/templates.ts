/** Validation codes of message templates, with their English wording. */
export const templateValidationMessages = {
  'templateName.required': 'Enter a template name.',
  'templateName.invalid': 'Use only lowercase letters a–z, digits and underscores, for example order_update.',
  'templateName.tooLong': 'Keep the template name to 512 characters or fewer.',
  'template.taken': 'This account already has a template with this name in this language.',
  'body.required': 'Write the text of the message.',
  'body.tooLong': 'WhatsApp allows at most 1,024 characters in a template.',
  'body.malformedVariable': 'Write variables as a number in double braces, like {{1}}.',
  'body.variablesNotSequential': 'Number the variables in order from {{1}} without gaps: {{1}}, {{2}}, {{3}}…',
  'body.adjacentVariables': 'Put some text between two variables; WhatsApp rejects variables side by side.',
  'example.required': 'Give an example value for this variable; WhatsApp reviews templates with them.',
  'example.tooLong': 'Keep the example to 200 characters or fewer.',
  'examples.count': 'Give exactly one example for each variable of the text.',
  'contentSid.invalid': 'A Content SID starts with HX followed by 32 letters a–f and digits.',
  'rejectionReason.required': 'Write why the template was rejected.',
  'rejectionReason.tooLong': 'Keep the reason to 500 characters or fewer.',
} as const;
