import twilio from 'twilio';

/** The X-Twilio-Signature Twilio puts on a webhook to `url` with these form parameters. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** POSTs a form to a webhook the way Twilio does: form-encoded and signed over the URL exactly as configured. */
export async function postSignedForm(
  url: string,
  params: Record<string, string>,
  authToken: string,
): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': twilioSignature(authToken, url, params),
        'I-Twilio-Idempotency-Token': crypto.randomUUID(),
        'User-Agent': 'TwilioProxy/1.1',
      },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}
