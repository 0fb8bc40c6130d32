import { TwilioRequestError, type TwilioGateway } from './gateway';

/** The official `twilio` client behind the gateway; `baseUrl` points it at the local simulator. */
export function createTwilioGateway(_options: { baseUrl?: string }): TwilioGateway {
  // Placeholder until the REST gateway is written (issue 6): every call fails as unreachable.
  const unreachable = async (): Promise<never> => {
    throw new TwilioRequestError('The Twilio client is not written yet.', 0, null);
  };
  return { fetchAccount: unreachable, sendMessage: unreachable, listContents: unreachable, fetchMedia: unreachable };
}
