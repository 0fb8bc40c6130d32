import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/** Test-only: the official client's HTTP client, sending api.twilio.com and content.twilio.com calls to the simulator. */
export class SimulatorRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    const uri = options.uri.replace(/^https:\/\/(api|content)\.twilio\.com/, this.baseUrl);
    return super.request({ ...options, uri });
  }
}

export function simulatorTwilioClient(baseUrl: string, accountSid: string, authToken: string): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new SimulatorRequestClient(baseUrl) });
}
