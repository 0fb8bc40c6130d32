import { simulatorDemoAccount } from './demo-account';
import { startTwilioSimulator } from './server';
import type { OutOfOrderMode } from './types';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';

function outOfOrder(value: string | undefined): OutOfOrderMode {
  if (value === undefined || value === '') return 'sometimes';
  if (value === 'never' || value === 'sometimes' || value === 'always') return value;
  throw new Error('TWILIO_SIM_OUT_OF_ORDER is never, sometimes or always.');
}

function delays(value: string | undefined): { sent: number; delivered: number; read: number } | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error('TWILIO_SIM_DELAY_MS is a number of milliseconds.');
  return { sent: ms, delivered: ms, read: ms };
}

const env = process.env;
const port = Number(env.TWILIO_SIM_PORT ?? 4010);
const accountSid = env.TWILIO_SIM_ACCOUNT_SID ?? simulatorDemoAccount.accountSid;
const joinCode = env.TWILIO_SIM_JOIN_CODE ?? simulatorDemoAccount.joinCode;

const simulator = await startTwilioSimulator({
  port,
  host: env.TWILIO_SIM_HOST ?? '127.0.0.1',
  outOfOrder: outOfOrder(env.TWILIO_SIM_OUT_OF_ORDER),
  delaysMs: delays(env.TWILIO_SIM_DELAY_MS),
  accounts: [
    {
      accountSid,
      authToken: env.TWILIO_SIM_AUTH_TOKEN ?? simulatorDemoAccount.authToken,
      friendlyName: 'Simulator demo account',
      inboundUrl: env.TWILIO_SIM_INBOUND_URL || null,
      sandbox: { number: TWILIO_SANDBOX_NUMBER, joinCode },
    },
  ],
});

const lines = [
  `Twilio simulator listening on ${simulator.url}`,
  '',
  'Point the server at it:  TWILIO_API_BASE_URL=' + simulator.url,
  '',
  'Demo account (fake credentials, for the simulator only):',
  `  Account SID     ${accountSid}`,
  `  Auth token      ${env.TWILIO_SIM_AUTH_TOKEN ? '(from TWILIO_SIM_AUTH_TOKEN)' : simulatorDemoAccount.authToken}`,
  `  Sandbox number  ${TWILIO_SANDBOX_NUMBER}`,
  `  Join code       join ${joinCode}`,
  '',
  `Open ${simulator.url}/ to paste the inbound URL ("WHEN A MESSAGE COMES IN") and write as the customer.`,
];
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
