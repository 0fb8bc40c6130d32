/**
 * The account `npm run twilio-sim` starts with, unless told otherwise. Fake credentials made
 * for the simulator; they work nowhere else (the real-mode e2e connects with them too).
 */
export const simulatorDemoAccount = {
  accountSid: 'AC51a0000000000000000000000000d3a0',
  authToken: '5170cafe5170cafe5170cafe5170cafe',
  joinCode: 'quiet-harbor',
} as const;
