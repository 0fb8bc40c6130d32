import { and, eq, ne } from 'drizzle-orm';
import { fieldError, numberSetUpElsewhereDetail } from '@/api/contract/problem-bodies';
import type { z } from 'zod';
import type { Workstream } from '@/api/contract/workstream';
import type { whatsAppSetupInputSchema } from '@/api/contract/whatsapp-setup';
import { changedFields } from '@/domain/audit-changes';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { whatsappNumbers, workstreams } from '../db/schema';
import { isUuid } from '../db/uuid';
import { recordAudit, type Actor } from './audit';
import { refuse } from './refused';
import { findWorkstream, setupFieldsOf, workstreamView } from './workstream-views';

type Context = Pick<ServerContext, 'db' | 'now'>;
type WhatsAppSetupInput = z.output<typeof whatsAppSetupInputSchema>;

/** A field of the request names nothing that exists: the caller's input is wrong, not the state. */
const numberNotFound = () => refuse.validation([fieldError('numberId', 'number.notFound')]);

const numberBound = (workstreamName: string) =>
  refuse.conflict(numberSetUpElsewhereDetail(workstreamName), [
    fieldError('numberId', 'number.bound'),
  ]);

async function numberExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.select({ id: whatsappNumbers.id }).from(whatsappNumbers).where(eq(whatsappNumbers.id, id))).length > 0;
}

async function workstreamUsing(db: Queryable, numberId: string, exceptId: string) {
  const [row] = await db
    .select({ name: workstreams.name })
    .from(workstreams)
    .where(and(eq(workstreams.whatsappNumberId, numberId), ne(workstreams.id, exceptId)));
  return row;
}

/** Refuses a missing workstream: a 404 comes before the body is read. */
export async function requireSetupWorkstream(db: Queryable, id: string): Promise<void> {
  if (!(await findWorkstream(db, id))) throw refuse.notFound('workstream');
}

/** The "Set up WhatsApp" result, which binds a number. */
export async function saveWhatsAppSetup({ db, now }: Context, actor: Actor, id: string, setup: WhatsAppSetupInput): Promise<Workstream> {
  const { version, ...input } = setup;
  const numberId = input.numberId.toLowerCase();
  return db
    .transaction(async (tx) => {
      const stored = await findWorkstream(tx, id);
      if (!stored) throw refuse.notFound('workstream');
      if (stored.version !== version) throw refuse.versionConflict('workstream');
      if (!isUuid(numberId) || !(await numberExists(tx, numberId))) throw numberNotFound();
      const other = await workstreamUsing(tx, numberId, id);
      if (other) throw numberBound(other.name);

      const at = now().toISOString();
      const [row] = await tx
        .update(workstreams)
        .set({
          whatsappNumberId: numberId,
          whatsapp: { language: input.language, automatedMessages: input.automatedMessages, survey: input.survey, attachments: input.attachments, updatedAt: at },
          updatedAt: at,
          version: stored.version + 1,
        })
        .where(and(eq(workstreams.id, id), eq(workstreams.version, version)))
        .returning({ id: workstreams.id });
      if (!row) throw refuse.versionConflict('workstream');

      // Recorded under the workstream: the setup has no id or name of its own.
      const entity = { entityType: 'whatsappSetup', entityId: id, entityName: stored.name } as const;
      const before = setupFieldsOf(stored);
      if (before === null) await recordAudit(tx, actor, { action: 'created', ...entity }, now());
      else {
        const changed = changedFields(before, { ...input, numberId });
        if (changed.length > 0) await recordAudit(tx, actor, { action: 'updated', ...entity, changedFields: changed }, now());
      }
      return workstreamView(tx, id);
    })
    .catch(async (error: unknown) => {
      const broken = brokenConstraint(error);
      // Another workstream bound the number, or its account took it away, after the checks.
      if (broken?.constraint === 'workstreams_whatsapp_number_unique') {
        const other = await workstreamUsing(db, numberId, id);
        throw numberBound(other?.name ?? 'another workstream');
      }
      if (broken?.constraint === 'workstreams_whatsapp_number_id_whatsapp_numbers_id_fk') throw numberNotFound();
      throw error;
    });
}

export async function removeWhatsAppSetup({ db, now }: Context, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Locked: a setup saved meanwhile is either removed with it or waits for the removal.
    const [stored] = await tx.select().from(workstreams).where(eq(workstreams.id, id)).for('update');
    if (!stored?.whatsapp) throw refuse.notFound('WhatsApp setup');
    await tx
      .update(workstreams)
      .set({ whatsappNumberId: null, whatsapp: null, updatedAt: now().toISOString(), version: stored.version + 1 })
      .where(eq(workstreams.id, id));
    await recordAudit(tx, actor, { action: 'deleted', entityType: 'whatsappSetup', entityId: id, entityName: stored.name }, now());
  });
}
