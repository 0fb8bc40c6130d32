// @vitest-environment node
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng, startTwilioSimulator, type TwilioSimulator } from '@/twilio-sim';
import { TwilioRequestError } from './gateway';
import { createTwilioGateway, twilioUrl } from './rest-gateway';

const account = { accountSid: `AC${'ab12'.repeat(8)}`, authToken: 'c0ffee00'.repeat(4) };
const suspended = { accountSid: `AC${'cd34'.repeat(8)}`, authToken: 'beef0000'.repeat(4) };
const CUSTOMER = '+358401234567';
const SENDER = '+358409990000';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('twilioUrl', () => {
  it('sends Twilio’s hosts to the simulator and leaves every other address alone', () => {
    const sim = 'http://127.0.0.1:4010';
    expect(twilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1.json', sim)).toBe(`${sim}/2010-04-01/Accounts/AC1.json`);
    expect(twilioUrl('https://content.twilio.com/v1/ContentAndApprovals?PageSize=50', sim)).toBe(`${sim}/v1/ContentAndApprovals?PageSize=50`);
    expect(twilioUrl('https://eviltwilio.com/x', sim)).toBe('https://eviltwilio.com/x');
    expect(twilioUrl('https://api.twilio.com.example.org/x', sim)).toBe('https://api.twilio.com.example.org/x');
    expect(twilioUrl('https://api.twilio.com/x', undefined)).toBe('https://api.twilio.com/x');
  });
});

describe('the REST gateway against the Twilio simulator', () => {
  let simulator: TwilioSimulator;
  const gateway = () => createTwilioGateway({ baseUrl: simulator.url });

  beforeAll(async () => {
    simulator = await startTwilioSimulator({
      accounts: [
        {
          ...account,
          friendlyName: 'Contoso support',
          templates: [
            { friendlyName: 'order_update', language: 'en', body: 'Hi {{1}}, your order {{2}} has shipped.', variables: { 1: 'Maija', 2: 'A-1' }, approval: 'approved', category: 'UTILITY' },
            { friendlyName: 'tilaus', language: 'fi', body: 'Hei {{1}}!', variables: { 1: 'Maija' }, approval: 'rejected', rejectionReason: 'Too vague', category: 'MARKETING' },
          ],
        },
        { ...suspended, status: 'suspended' },
      ],
      delaysMs: { sent: 5, delivered: 5, read: 5 },
    });
  });
  afterAll(async () => {
    await simulator?.close();
  });

  it('fetches the account, and says what Twilio said about it', async () => {
    expect(await gateway().fetchAccount(account)).toEqual({ friendlyName: 'Contoso support', status: 'active' });
    expect((await gateway().fetchAccount(suspended)).status).toBe('suspended');
  });

  it('maps a wrong token to a 401 with code 20003 whose message never holds the token', async () => {
    const wrongToken = 'deadbeef'.repeat(4);
    const error = await gateway()
      .fetchAccount({ accountSid: account.accountSid, authToken: wrongToken })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwilioRequestError);
    expect(error).toMatchObject({ status: 401, code: '20003', retryable: false });
    expect((error as Error).message).not.toContain(wrongToken);
    expect(JSON.stringify(error)).not.toContain(wrongToken);
  });

  it('reports an unreachable Twilio as status 0, retryable', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const error = await createTwilioGateway({ baseUrl: url, timeoutMs: 2000 })
      .fetchAccount(account)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: null, retryable: true, ambiguous: false });
    expect((error as Error).message).not.toContain(account.authToken);
  });

  it('sends text, template and media messages with the parameters Twilio expects', async () => {
    const statusCallback = 'https://admin.example.com/webhooks/twilio/status/1';
    const text = await gateway().sendMessage(account, { from: `whatsapp:${SENDER}`, to: `whatsapp:${CUSTOMER}`, body: 'Moi + hei & 👋', statusCallback });
    expect(text).toEqual({ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued' });
    const template = simulator.account(account.accountSid)!.templates[0]!;
    const withTemplate = await gateway().sendMessage(account, {
      from: `whatsapp:${SENDER}`,
      to: `whatsapp:${CUSTOMER}`,
      contentSid: template.sid,
      contentVariables: JSON.stringify({ 1: 'Maija', 2: 'B-2' }),
      statusCallback,
    });
    const withMedia = await gateway().sendMessage(account, {
      from: `whatsapp:${SENDER}`,
      to: `whatsapp:${CUSTOMER}`,
      mediaUrl: ['https://admin.example.com/media/1/token'],
      statusCallback,
    });

    const sent = simulator.sentMessages().filter((m) => [text.sid, withTemplate.sid, withMedia.sid].includes(m.sid));
    expect(sent.map((m) => m.params)).toEqual([
      { From: `whatsapp:${SENDER}`, To: `whatsapp:${CUSTOMER}`, Body: 'Moi + hei & 👋', StatusCallback: statusCallback },
      { From: `whatsapp:${SENDER}`, To: `whatsapp:${CUSTOMER}`, ContentSid: template.sid, ContentVariables: '{"1":"Maija","2":"B-2"}', StatusCallback: statusCallback },
      { From: `whatsapp:${SENDER}`, To: `whatsapp:${CUSTOMER}`, MediaUrl: 'https://admin.example.com/media/1/token', StatusCallback: statusCallback },
    ]);
    expect(sent[1]!.body).toBe('Hi Maija, your order B-2 has shipped.');
  });

  it('maps Twilio’s refusal of a send to its status and code', async () => {
    const error = await gateway()
      .sendMessage(account, { from: `whatsapp:${SENDER}`, to: 'whatsapp:+1', body: 'hi', statusCallback: 'https://admin.example.com/s' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwilioRequestError);
    expect(error).toMatchObject({ status: 400, code: '21211', retryable: false });
  });

  it('lists Content API templates with their language, text, variables and approval', async () => {
    const contents = await gateway().listContents(account);
    expect(contents).toEqual([
      {
        sid: expect.stringMatching(/^HX[0-9a-f]{32}$/),
        friendlyName: 'order_update',
        language: 'en',
        body: 'Hi {{1}}, your order {{2}} has shipped.',
        variables: { 1: 'Maija', 2: 'A-1' },
        approvalStatus: 'approved',
        rejectionReason: null,
        category: 'utility',
      },
      {
        sid: expect.stringMatching(/^HX[0-9a-f]{32}$/),
        friendlyName: 'tilaus',
        language: 'fi',
        body: 'Hei {{1}}!',
        variables: { 1: 'Maija' },
        approvalStatus: 'rejected',
        rejectionReason: 'Too vague',
        category: 'marketing',
      },
    ]);
  });

  it('downloads a customer’s attachment behind basic auth, following Twilio’s redirect', async () => {
    const receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'text/xml' }).end('<Response/>'));
    });
    const receiverUrl = await listen(receiver);
    try {
      const png = samplePng();
      simulator.setInboundUrl(account.accountSid, `${receiverUrl}/in`);
      await simulator.sendInbound({ accountSid: account.accountSid, from: CUSTOMER, to: SENDER, media: [{ contentType: 'image/png', bytes: png }] });
      const inbound = simulator.inboundMessages().at(-1)!;
      const mediaUrl = inbound.params.MediaUrl0!;
      expect(mediaUrl).toBeTruthy();

      const media = await gateway().fetchMedia(account, mediaUrl);
      expect(media.contentType).toBe('image/png');
      expect(media.body.equals(Buffer.from(png))).toBe(true);
      const refused = await gateway()
        .fetchMedia({ ...account, authToken: 'deadbeef'.repeat(4) }, mediaUrl)
        .catch((caught: unknown) => caught);
      expect(refused).toMatchObject({ status: 401 });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe('media downloads', () => {
  let api: Server;
  let cdn: Server;
  let apiUrl: string;
  let cdnUrl: string;
  const seen: { where: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    cdn = createServer((request, response) => {
      seen.push({ where: 'cdn', headers: request.headers });
      if (request.url === '/huge') response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(17 * 1024 * 1024) }).flushHeaders();
      else response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    });
    cdnUrl = await listen(cdn);
    api = createServer((request, response) => {
      seen.push({ where: 'api', headers: request.headers });
      response.writeHead(307, { location: `${cdnUrl}${request.url === '/2010-04-01/huge' ? '/huge' : '/file'}` }).end();
    });
    apiUrl = await listen(api);
  });
  afterAll(async () => {
    cdn.closeAllConnections();
    await Promise.all([new Promise((resolve) => api.close(resolve)), new Promise((resolve) => cdn.close(resolve))]);
  });

  it('sends the credentials to Twilio only, not to the host a redirect leads to', async () => {
    seen.length = 0;
    const media = await createTwilioGateway({ baseUrl: apiUrl }).fetchMedia(account, 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1');
    expect(media).toEqual({ contentType: 'application/pdf', body: Buffer.from('%PDF') });
    expect(seen.map((s) => [s.where, s.headers.authorization])).toEqual([
      ['api', `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`],
      ['cdn', undefined],
    ]);
  });

  it('refuses an attachment larger than WhatsApp allows without reading it', async () => {
    const error = await createTwilioGateway({ baseUrl: apiUrl })
      .fetchMedia(account, 'https://api.twilio.com/2010-04-01/huge')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 413, retryable: false });
  });
});

describe('a send Twilio may or may not have received', () => {
  const message = { from: `whatsapp:${SENDER}`, to: `whatsapp:${CUSTOMER}`, body: 'hi', statusCallback: 'https://admin.example.com/s' };

  /** A server that reads each request whole, then does `answer` with it. */
  async function withServer(answer: (request: IncomingMessage, response: ServerResponse) => void, run: (url: string) => Promise<void>) {
    let received = 0;
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received++;
        answer(request, response);
      });
    });
    const url = await listen(server);
    try {
      await run(url);
      expect(received).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
  const send = (url: string) =>
    createTwilioGateway({ baseUrl: url, timeoutMs: 300 })
      .sendMessage(account, message)
      .catch((caught: unknown) => caught);

  it('is ambiguous when no answer comes in time', async () => {
    await withServer(
      () => undefined,
      async (url) => {
        const error = await send(url);
        expect(error).toBeInstanceOf(TwilioRequestError);
        expect(error).toMatchObject({ status: 0, code: null, ambiguous: true });
        expect((error as Error).message).not.toContain(account.authToken);
      },
    );
  });

  it('is ambiguous when the connection is cut after the request went out', async () => {
    await withServer(
      (request) => request.socket.destroy(),
      async (url) => expect(await send(url)).toMatchObject({ status: 0, ambiguous: true }),
    );
  });

  it('is not ambiguous when the connection is refused, nor when Twilio answers 5xx: both are retried', async () => {
    const closed = createServer();
    const closedUrl = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await send(closedUrl)).toMatchObject({ status: 0, ambiguous: false, retryable: true });

    await withServer(
      (_request, response) =>
        response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20503, message: 'Service unavailable', more_info: '', status: 503 })),
      async (url) => expect(await send(url)).toMatchObject({ status: 503, ambiguous: false, retryable: true }),
    );
  });
});
