/** English strings of the account tools: Verify credentials and Sync templates. */
export const accountToolsEn = {
  verify: {
    title: 'Check the credentials',
    intro: 'Ask Twilio whether the saved Account SID and auth token work. Save a new token first: the check uses what is saved.',
    button: 'Verify credentials',
    running: 'Checking with Twilio…',
    checkedAt: 'Checked {{time}}.',
    outcomes: {
      ok: 'Twilio accepted the credentials of the account “{{name}}”.',
      okNoName: 'Twilio accepted the credentials.',
      rejected: 'Twilio refused the Account SID or auth token. Check both in the Twilio console, then replace the token and save.',
      unreachable: 'Twilio could not be reached. Check the server’s internet connection and try again in a moment.',
      suspended: 'Twilio knows the account “{{name}}”, but it is suspended: no messages go out until Twilio activates it again.',
      closed: 'The Twilio account “{{name}}” is closed. Connect an active account instead.',
    },
    errorCode: 'Twilio error {{code}}',
  },
  sync: {
    button: 'Sync templates from Twilio',
    running: 'Syncing with Twilio…',
    hint: 'Brings in the account’s templates from Twilio’s Content API: new ones are added, changed ones updated with their approval status. Examples you typed here stay.',
    resultTitle: 'Templates synced {{time}}',
    added: 'Added: {{count}}',
    updated: 'Updated: {{count}}',
    unchanged: 'Unchanged: {{count}}',
    skippedTitle_one: 'Skipped {{count}} item Twilio has that WhatsApp cannot use:',
    skippedTitle_other: 'Skipped {{count}} items Twilio has that WhatsApp cannot use:',
    skippedItem: '{{name}}: {{reason}}',
    /** The server's reasons (src/domain/template-sync.ts), by their key. */
    reasons: {
      notText: 'Not a WhatsApp text template: only text templates can be sent from here.',
      language: 'Its language is not one WhatsApp templates support here.',
      name: 'Its name has no letters or digits to name a template with.',
      body: {
        required: 'Its text is empty.',
        tooLong: 'Its text is longer than the 1,024 characters WhatsApp allows.',
        malformedVariable: 'Its variables are not written as numbers in double braces, like {{1}}.',
        variablesNotSequential: 'Its variables are not numbered in order from {{1}}.',
        adjacentVariables: 'It has two variables side by side, which WhatsApp rejects.',
      },
      linkedElsewhere: 'A template with this name and language is linked to another Twilio content.',
    },
  },
  sandboxLink: 'Sandbox checklist',
  sandboxLinkFor: 'Sandbox checklist of {{name}}',
};
