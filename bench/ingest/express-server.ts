// The conventional design most people would write: Express, twilio.webhook(), one INSERT per request.
import type { Server } from 'node:http';
import express from 'express';
import pg from 'pg';
import twilio from 'twilio';
import { announceReady, benchToken, EMPTY_TWIML, onStats } from './child-protocol';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
await pool.query(`create table if not exists inbound_messages (
  message_sid text primary key, from_number text not null, to_number text not null,
  body text not null, num_media int not null, media_url text, received_at timestamptz not null default now())`);

const app = express();
const server = await new Promise<Server>((resolve) => {
  const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
});
const { port } = server.address() as { port: number };

app.use(express.urlencoded({ extended: false }));
app.post('/webhooks/twilio/whatsapp/:accountId', twilio.webhook(benchToken(), { protocol: 'http', host: `127.0.0.1:${port}` }), async (request, response) => {
  const p = request.body as Record<string, string>;
  await pool.query(
    'insert into inbound_messages (message_sid, from_number, to_number, body, num_media, media_url) values ($1, $2, $3, $4, $5, $6) on conflict (message_sid) do nothing',
    [p.MessageSid, p.From, p.To, p.Body ?? '', Number(p.NumMedia ?? 0), p.MediaUrl0 ?? null],
  );
  response.type('text/xml').send(EMPTY_TWIML);
});
announceReady(server);

onStats(
  async (sids) => {
    const { rows } = await pool.query<{ n: string }>('select count(*) as n from inbound_messages where message_sid = any($1) group by message_sid', [sids]);
    return { found: rows.length, duplicated: rows.filter((r) => Number(r.n) > 1).length };
  },
  () => pool.end(),
);
