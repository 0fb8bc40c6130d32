/** The local Twilio simulator: for tests, e2e and `npm run twilio-sim` only, never for src/server, src/app or src/features. */
export { startTwilioSimulator, type TwilioSimulator, type TwilioSimulatorOptions } from './server';
export { SimulatorInputError } from './customer';
export { samplePdf, samplePng } from './samples';
export type * from './types';
