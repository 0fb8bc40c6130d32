import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import type { WhatsAppNumber } from '@/api/contract/whatsapp-number';
import type { Queryable } from '../db/database';
import { conversations, messageTemplates, whatsappAccounts, whatsappNumbers, workstreams } from '../db/schema';
import { iso } from '../db/timestamps';

type AccountRow = typeof whatsappAccounts.$inferSelect;
type NumberRow = typeof whatsappNumbers.$inferSelect;

/** Numbers with the workstream bound to each and their open conversations, in the order they were added. */
export async function numbersOf(db: Queryable, accountIds: string[]): Promise<(WhatsAppNumber & { accountId: string })[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select({ number: whatsappNumbers, workstream: { id: workstreams.id, name: workstreams.name } })
    .from(whatsappNumbers)
    .leftJoin(workstreams, eq(workstreams.whatsappNumberId, whatsappNumbers.id))
    .where(inArray(whatsappNumbers.accountId, accountIds))
    .orderBy(asc(whatsappNumbers.seq));
  const open = await db
    .select({ accountId: conversations.accountId, businessNumber: conversations.businessNumber, n: count() })
    .from(conversations)
    .where(and(inArray(conversations.accountId, accountIds), eq(conversations.status, 'open')))
    .groupBy(conversations.accountId, conversations.businessNumber);
  const openOf = (row: NumberRow) => Number(open.find((c) => c.accountId === row.accountId && c.businessNumber === row.number)?.n ?? 0);
  return rows.map(({ number, workstream }) => toNumber(number, workstream, openOf(number)));
}

/** The open conversations customers have with this number of its account. */
export async function openConversationsOf(db: Queryable, row: Pick<NumberRow, 'accountId' | 'number'>): Promise<number> {
  const [result] = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.accountId, row.accountId), eq(conversations.businessNumber, row.number), eq(conversations.status, 'open')));
  return Number(result?.n ?? 0);
}

export function toNumber(
  row: NumberRow,
  workstream: { id: string; name: string } | null,
  openConversations: number,
): WhatsAppNumber & { accountId: string } {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    number: row.number,
    createdAt: iso(row.createdAt),
    version: row.version,
    workstream: workstream ? { id: workstream.id, name: workstream.name } : null,
    openConversations,
  };
}

/** Accounts as the API shows them: numbers, template count and the URLs to paste into Twilio. */
export async function accountViews(db: Queryable, publicUrl: string, only?: string): Promise<WhatsAppAccount[]> {
  const rows: AccountRow[] = await db
    .select()
    .from(whatsappAccounts)
    .where(only === undefined ? undefined : eq(whatsappAccounts.id, only))
    .orderBy(desc(whatsappAccounts.createdAt), asc(whatsappAccounts.seq));
  const ids = rows.map((row) => row.id);
  const numbers = await numbersOf(db, ids);
  const templateCounts =
    ids.length === 0
      ? []
      : await db
          .select({ accountId: messageTemplates.accountId, n: count() })
          .from(messageTemplates)
          .where(inArray(messageTemplates.accountId, ids))
          .groupBy(messageTemplates.accountId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    channel: 'whatsapp',
    accountSid: row.accountSid,
    authTokenHint: row.authTokenHint,
    numbers: numbers.filter((n) => n.accountId === row.id),
    templateCount: Number(templateCounts.find((c) => c.accountId === row.id)?.n ?? 0),
    inboundUrl: `${publicUrl}/webhooks/twilio/whatsapp/${row.id}`,
    statusCallbackUrl: `${publicUrl}/webhooks/twilio/status/${row.id}`,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  }));
}
