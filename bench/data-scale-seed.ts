/**
 * Seeds a scratch database (already migrated) with a realistic shape at scale, all in SQL
 * (generate_series) so that a million rows take seconds, not minutes of round trips.
 * Every "random" choice is a hash of the row number: the same data on every run.
 */

/** Runs one SQL statement; PostgreSQL (node-postgres) and PGlite both answer with `rows`. */
export type Execute = (sql: string) => Promise<{ rows: unknown[] }>;

export interface SeedScale {
  conversations: number;
  /** Every `heavyEvery`th conversation has hundreds of messages; the rest a handful. */
  heavyEvery: number;
  /** Messages of a heavy conversation: heavyMin + up to heavySpread more. */
  heavyMin: number;
  heavySpread: number;
}

export const FULL_SCALE: SeedScale = { conversations: 100_000, heavyEvery: 100, heavyMin: 200, heavySpread: 600 };

const ADMINS = 5;
const USERS = 200;
const QUEUES = 10;
const ACCOUNTS = 3;
const NUMBERS_PER_ACCOUNT = 2;
const DAYS_OF_HISTORY = 180;

/** A uniform number in [0, 1) from a row number and a salt, repeatable. */
const RANDOM_FUNCTION = `
create function pg_temp.rnd(i bigint, salt int) returns float8 language sql immutable as
$$ select (hashint8(i * 7919 + salt)::float8 + 2147483648) / 4294967296 $$`;

function referenceData(): string[] {
  return [
    `insert into whatsapp_accounts (name, name_key, account_sid, auth_token_sealed, auth_token_hint)
     select 'Account ' || a, 'account ' || a, 'AC' || md5('account' || a), 'v1:sealed', '••••' || a
     from generate_series(1, ${ACCOUNTS}) a`,
    `insert into whatsapp_numbers (account_id, name, number)
     select acc.id, acc.name || ' line ' || n, '+35840' || lpad((acc.seq * 10 + n)::text, 7, '0')
     from whatsapp_accounts acc cross join generate_series(1, ${NUMBERS_PER_ACCOUNT}) n`,
    `insert into users (name, email, role, password_hash)
     select 'Person ' || u, 'person' || u || '@example.test', case when u <= ${ADMINS} then 'admin' else 'agent' end, 'not-a-hash'
     from generate_series(1, ${USERS}) u`,
    `insert into queues (name, name_key, priority)
     select 'Queue ' || q, 'queue ' || lpad(q::text, 2, '0'), 1 + q % 10 from generate_series(1, ${QUEUES}) q`,
    `create temp table bench_queue as select row_number() over (order by name_key) as k, id from queues`,
    `create temp table bench_agent as
     select row_number() over (order by substring(email from '\\d+')::int) as k, id, name, email from users where role = 'agent'`,
    // Each agent is a member of two queues: about 40 members a queue.
    `insert into queue_members (queue_id, user_id, position)
     select bq.id, a.id, a.k::integer
     from bench_agent a join bench_queue bq on bq.k = 1 + a.k % ${QUEUES} or bq.k = 1 + (a.k * 3 + 1) % ${QUEUES}`,
    `insert into workstreams (name, name_key, distribution_mode, fallback_queue_id, settings, whatsapp_number_id, whatsapp)
     select 'Workstream ' || n.seq, 'workstream ' || n.seq, case when n.seq % 2 = 0 then 'push' else 'pick' end,
       (select id from bench_queue where k = 1 + n.seq % ${QUEUES}),
       '{"capacity":{"mode":"unit","value":100},"blockCapacityForWrapUp":false,"allowedPresences":["available"],"skillMatching":"none","keepSameAgent":true,"advanced":{"sessionTemplate":"messagingDefault","notificationTemplate":"messagingIncoming","contextVariables":[],"smartAssist":false,"quickReplies":false},"bot":null}'::jsonb,
       n.id,
       '{"language":"en","automatedMessages":[],"survey":{"enabled":false},"attachments":{"customersCanSend":true,"agentsCanSend":true},"updatedAt":"2026-01-01T00:00:00.000Z"}'::jsonb
     from whatsapp_numbers n`,
    `create temp table bench_workstream as
     select row_number() over (order by w.seq) as k, w.id, n.account_id, n.number
     from workstreams w join whatsapp_numbers n on n.id = w.whatsapp_number_id`,
  ];
}

/*
 * 15 % open (recent), the rest closed over six months. Queues are skewed (the first ones
 * busiest); nine in ten closed and six in ten open conversations have an assignee; half
 * of the open ones wait for a reply.
 */
function conversationRows(scale: SeedScale): string {
  const workstreamCount = ACCOUNTS * NUMBERS_PER_ACCOUNT;
  const agentCount = USERS - ADMINS;
  return `
    insert into conversations (account_id, business_number, workstream_id, queue_id, customer_wa_id, customer_phone,
      profile_name, language, status, assignee_id, last_inbound_at, last_message_at, last_message_preview,
      waiting_for_reply, created_at, closed_at)
    select w.account_id, w.number, w.id, q.id, '358' || (500000000 + g.i), '+358' || (500000000 + g.i),
      'Customer ' || g.i, 'en', g.status, a.id, g.last_at - interval '3 minutes', g.last_at, 'Last message of ' || g.i,
      g.status = 'open' and pg_temp.rnd(g.i, 5) < 0.5, g.last_at - g.span, case when g.status = 'closed' then g.last_at end
    from (
      select i, status,
        now() - case when status = 'open' then 7 else ${DAYS_OF_HISTORY} end * interval '1 day' * pg_temp.rnd(i, 3) as last_at,
        case when i % ${scale.heavyEvery} = 0 then interval '30 days' else interval '2 days' end * pg_temp.rnd(i, 4) as span
      from (select i, case when pg_temp.rnd(i, 1) < 0.15 then 'open' else 'closed' end as status
            from generate_series(1, ${scale.conversations}) i) s
    ) g
    join bench_workstream w on w.k = 1 + g.i % ${workstreamCount}
    join bench_queue q on q.k = 1 + floor(${QUEUES} * power(pg_temp.rnd(g.i, 2), 1.5))::int
    left join bench_agent a on a.k = 1 + floor(${agentCount} * pg_temp.rnd(g.i, 6))::int
      and pg_temp.rnd(g.i, 7) < case when g.status = 'open' then 0.6 else 0.9 end
    order by g.last_at - g.span`;
}

/** Messages spread over each conversation's life, inserted in time order as they would arrive. */
function messageRows(scale: SeedScale): string {
  return `
    insert into messages (conversation_id, direction, author, author_id, author_name, body, status, twilio_sid,
      created_at, status_updated_at)
    select c.id, case when m % 2 = 1 then 'inbound' else 'outbound' end, case when m % 2 = 1 then 'customer' else 'agent' end,
      case when m % 2 = 0 then c.assignee_id end, case when m % 2 = 0 then 'Agent' else c.profile_name end,
      'Message ' || m || ' of conversation ' || c.seq || ': ' || repeat('lorem ipsum ', 1 + (m % 8)),
      case when m % 2 = 1 then 'received' else 'delivered' end, 'SM' || md5(c.seq || ':' || m),
      c.last_message_at - (c.last_message_at - c.created_at) * (1 - m::float8 / c.n),
      c.last_message_at - (c.last_message_at - c.created_at) * (1 - m::float8 / c.n)
    from (
      select cc.*, case when cc.seq % ${scale.heavyEvery} = 0
        then ${scale.heavyMin} + floor(${scale.heavySpread} * pg_temp.rnd(cc.seq, 8))::int
        else 1 + floor(9 * pg_temp.rnd(cc.seq, 9))::int end as n
      from conversations cc
    ) c cross join lateral generate_series(1, c.n) m
    order by 9`;
}

/** One in fifty inbound messages has a photo: the messages page reads media too. */
const MEDIA_ROWS = `
  insert into message_media (conversation_id, message_id, content_type, filename, size, twilio_url)
  select conversation_id, id, 'image/jpeg', 'photo.jpg', 120000, 'https://api.twilio.com/media/' || twilio_sid
  from messages where direction = 'inbound' and seq % 50 = 1`;

/*
 * A million inserts into indexes on random keys (an MD5 sid, a uuid) is most of the seeding
 * time; building such an index once at the end sorts instead. They are rebuilt from their own
 * definitions as the migrations wrote them, so the schema stays the product's.
 */
const REBUILT_MESSAGE_INDEXES = ['messages_twilio_sid_unique', 'messages_conversation_idx'];

/** Fills the migrated, empty database. Statements that build temporary tables need one connection. */
export async function seedScaleData(execute: Execute, scale: SeedScale): Promise<void> {
  await execute(RANDOM_FUNCTION);
  await execute(`set work_mem = '128MB'`);
  for (const statement of referenceData()) await execute(statement);
  await execute(conversationRows(scale));
  const names = REBUILT_MESSAGE_INDEXES.map((name) => `'${name}'`).join(', ');
  const { rows } = await execute(`select indexname, indexdef from pg_indexes where tablename = 'messages' and indexname in (${names})`);
  const indexes = rows as { indexname: string; indexdef: string }[];
  if (indexes.length !== REBUILT_MESSAGE_INDEXES.length) throw new Error('the messages indexes the seed rebuilds are not in the schema');
  for (const index of indexes) await execute(`drop index "${index.indexname}"`);
  await execute(messageRows(scale));
  for (const index of indexes) await execute(index.indexdef);
  await execute(MEDIA_ROWS);
  await execute('reset work_mem');
}

/** Statistics and the visibility map as autovacuum would have left them in production. */
export const AFTER_SEED = 'vacuum analyze';
