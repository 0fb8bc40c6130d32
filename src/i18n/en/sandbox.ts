/** English strings of the sandbox checklist. */
export const sandboxEn = {
  title: 'Twilio sandbox checklist',
  documentTitle: 'Sandbox checklist: {{name}}',
  intro:
    'Try WhatsApp with Twilio’s shared sandbox number {{number}} before you have a number of your own. Three steps, and the last one checks itself.',
  backToAccount: 'Back to {{name}}',
  notSandbox:
    'This account does not use the sandbox number {{number}}, so there is nothing to join. Customers write to the account’s own numbers.',
  localWarning:
    'These addresses point to this computer, which Twilio cannot reach from the internet. Set PUBLIC_URL to a public address (for example a tunnel) and restart, or the sandbox’s messages will never arrive.',
  stepDone: 'Done',
  stepToDo: 'To do',
  join: {
    title: 'Share the join code',
    body: 'Each person who tries the sandbox first sends this message from WhatsApp to {{number}}. Twilio shows your sandbox’s code in its console under Messaging → Try it out → Send a WhatsApp message. Membership lasts three days.',
    message: 'Message to send',
    copy: 'Copy the join message',
    codeLabel: 'Join code',
    codeHint: 'The words after “join”, for example bright-harbor.',
    save: 'Save code',
    saved: 'Join code saved.',
    missing: 'Enter the code from the Twilio console to see the message to share.',
  },
  webhook: {
    title: 'Connect the sandbox to this account',
    body: 'In the Twilio console, open the sandbox settings. Paste the inbound URL into “WHEN A MESSAGE COMES IN” (method POST) and the status callback URL into “STATUS CALLBACK URL”, then save.',
    manual: 'Twilio does not tell us when this is done: the next step shows that it worked.',
  },
  live: {
    title: 'Send the first message',
    waiting: 'Waiting for the first message… Send the join message from your phone; this turns green when it arrives.',
    received: 'The first message arrived {{time}}. The sandbox works.',
  },
};
