import type { IncomingMessage, ServerResponse } from 'node:http';
import { basicCredentials, sendTwilioError } from '../http';
import type { SimulatorState } from '../state';
import type { Timers } from '../timers';
import type { SimAccount, SendInboundInput, SendInboundResult } from '../types';

export interface RouteContext {
  state: SimulatorState;
  timers: Timers;
  /** The simulator's own origin, e.g. http://127.0.0.1:4010 */
  origin: string;
  /** Where inbound media URLs point (the simulator, or https://api.twilio.com to look real). */
  mediaOrigin: string;
  mediaRedirects: boolean;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  sendInbound(input: SendInboundInput): Promise<SendInboundResult>;
  /** Accounts as they were given at start and through addAccount, for reset(). */
  reset(): void;
}

export type Route = {
  method: string;
  pattern: RegExp;
  handle(context: RouteContext, match: RegExpExecArray): Promise<void> | void;
};

/** The account the request authenticates as, when it is the one in the path; otherwise answers as Twilio does. */
export function authorizedAccount(context: RouteContext, pathSid: string | null): SimAccount | null {
  const account = context.state.authenticate(basicCredentials(context.request));
  if (!account) {
    sendTwilioError(context.response, 401, 20003, 'Authenticate');
    return null;
  }
  if (pathSid !== null && pathSid !== account.accountSid) {
    sendNotFound(context);
    return null;
  }
  return account;
}

export function sendNotFound(context: RouteContext): void {
  sendTwilioError(context.response, 404, 20404, `The requested resource ${context.url.pathname} was not found`);
}
