// The ceiling: a bare node:http server that only checks Twilio's signature and answers.
import { createServer } from 'node:http';
import twilio from 'twilio';
import { announceReady, benchToken, EMPTY_TWIML } from './child-protocol';

const authToken = benchToken();
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const params: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString())) params[name] = value;
    const url = `http://${request.headers.host}${request.url}`;
    const signature = request.headers['x-twilio-signature'];
    const valid = typeof signature === 'string' && twilio.validateRequest(authToken, signature, url, params);
    response.writeHead(valid ? 200 : 403, { 'content-type': 'text/xml' });
    response.end(valid ? EMPTY_TWIML : '');
  });
});
server.listen(0, '127.0.0.1', () => announceReady(server));
