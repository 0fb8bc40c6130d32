import { and, eq, ne } from 'drizzle-orm';
import { fieldError, problemDetails } from '@/api/contract/problem-bodies';
import type { z } from 'zod';
import type { Workstream, workstreamCreateInputSchema, workstreamUpdateInputSchema } from '@/api/contract/workstream';
import { changedFields } from '@/domain/audit-changes';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { queues, workstreams, type WorkstreamSettings } from '../db/schema';
import { isUuid } from '../db/uuid';
import { recordAudit, type Actor } from './audit';
import { requestAssignment } from './assignment';
import { refuse } from './refused';
import { advancedToStore, removedVariablesInUse } from './workstream-advanced';
import { announceBotHandOvers, handOverEveryBotConversation } from './workstream-bot';
import { editableFieldsOf, findWorkstream, settingsOf, workstreamView, workstreamViews } from './workstream-views';

type Context = Pick<ServerContext, 'db' | 'now'>;
type WorkstreamCreateInput = z.output<typeof workstreamCreateInputSchema>;
type WorkstreamUpdateInput = z.output<typeof workstreamUpdateInputSchema>;

/** Workstream names are unique regardless of case and surrounding spaces. */
const nameKey = (name: string) => name.trim().toLocaleLowerCase();
const nameTaken = () => refuse.conflict(problemDetails.workstreamNameTaken, [fieldError('name', 'workstreamName.taken')]);
/** A reference to a queue that does not exist: the caller's input is wrong, not the state. */
const queueNotFound = () => refuse.validation([fieldError('fallbackQueueId', 'queue.notFound')]);

const SETTINGS_FIELDS = [
  'capacity',
  'blockCapacityForWrapUp',
  'wrapUpMinutes',
  'allowedPresences',
  'skillMatching',
  'skillFallbackMinutes',
  'keepSameAgent',
  'keepSameAgentDays',
] as const;

type SentSettings = Partial<Omit<WorkstreamSettings, 'advanced' | 'bot'>> & { advanced?: Parameters<typeof advancedToStore>[0] };

/**
 * The settings among the fields of a request, the ones it leaves out taken from `base`; a new
 * workstream has no bot (PUT /api/workstreams/:id/bot sets it).
 */
function settingsFrom(input: SentSettings, base?: WorkstreamSettings): WorkstreamSettings {
  const settings = { bot: null, ...base } as Record<string, unknown>;
  for (const field of SETTINGS_FIELDS) {
    if (input[field] !== undefined) settings[field] = input[field];
  }
  if (input.advanced !== undefined) settings.advanced = advancedToStore(input.advanced, base?.advanced);
  return settings as unknown as WorkstreamSettings;
}

async function queueExists(db: Queryable, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await db.select({ id: queues.id }).from(queues).where(eq(queues.id, id))).length > 0;
}

async function nameInUse(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const key = eq(workstreams.nameKey, nameKey(name));
  return (await db.select({ id: workstreams.id }).from(workstreams).where(exceptId ? and(key, ne(workstreams.id, exceptId)) : key)).length > 0;
}

/** The problem for a constraint a racing request broke after the checks passed. */
function constraintProblem(error: unknown): unknown {
  const broken = brokenConstraint(error);
  if (broken?.constraint === 'workstreams_name_unique') return nameTaken();
  if (broken?.constraint === 'workstreams_fallback_queue_id_queues_id_fk') return queueNotFound();
  return error;
}

const rethrow = (error: unknown): never => {
  throw constraintProblem(error);
};

export async function listWorkstreams(db: Queryable): Promise<Workstream[]> {
  return workstreamViews(db);
}

export async function getWorkstream(db: Queryable, id: string): Promise<Workstream> {
  const [workstream] = await workstreamViews(db, id);
  if (!workstream) throw refuse.notFound('workstream');
  return workstream;
}

/** Refuses a missing workstream: a 404 comes before the body is read. */
export async function requireWorkstream(db: Queryable, id: string): Promise<void> {
  if (!(await findWorkstream(db, id))) throw refuse.notFound('workstream');
}

export async function createWorkstream({ db, now }: Context, actor: Actor, input: WorkstreamCreateInput): Promise<Workstream> {
  if (!(await queueExists(db, input.fallbackQueueId))) throw queueNotFound();
  if (await nameInUse(db, input.name)) throw nameTaken();
  return db
    .transaction(async (tx) => {
      const at = now().toISOString();
      const [row] = await tx
        .insert(workstreams)
        .values({
          name: input.name,
          nameKey: nameKey(input.name),
          type: input.type,
          channel: input.channel,
          distributionMode: input.distributionMode,
          fallbackQueueId: input.fallbackQueueId.toLowerCase(),
          settings: settingsFrom(input),
          routingUpdatedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: workstreams.id });
      await recordAudit(tx, actor, { action: 'created', entityType: 'workstream', entityId: row!.id, entityName: input.name }, now());
      return workstreamView(tx, row!.id);
    })
    .catch(rethrow);
}

export async function updateWorkstream(context: Pick<ServerContext, 'db' | 'now' | 'assignment'>, actor: Actor, id: string, input: WorkstreamUpdateInput): Promise<Workstream> {
  const { db, now } = context;
  let settingsChanged = false;
  const { version, distributionMode, ...sent } = input;
  // Ids are compared as the database writes them.
  const changes = sent.fallbackQueueId === undefined ? sent : { ...sent, fallbackQueueId: sent.fallbackQueueId.toLowerCase() };
  const workstream = await db
    .transaction(async (tx) => {
      const stored = await findWorkstream(tx, id);
      if (!stored) throw refuse.notFound('workstream');
      if (stored.version !== version) throw refuse.versionConflict('workstream');
      if (distributionMode !== undefined && distributionMode !== stored.distributionMode) {
        throw refuse.validation([fieldError('distributionMode', 'distributionMode.fixed')]);
      }
      if (changes.fallbackQueueId !== undefined && !(await queueExists(tx, changes.fallbackQueueId))) throw queueNotFound();
      if (changes.name !== undefined && (await nameInUse(tx, changes.name, id))) throw nameTaken();
      const settings = settingsFrom(changes, settingsOf(stored));
      const [row] = await tx
        .update(workstreams)
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name, nameKey: nameKey(changes.name) }),
          ...(changes.fallbackQueueId === undefined ? {} : { fallbackQueueId: changes.fallbackQueueId }),
          settings,
          updatedAt: now().toISOString(),
          version: stored.version + 1,
        })
        .where(and(eq(workstreams.id, id), eq(workstreams.version, version)))
        .returning({ name: workstreams.name });
      if (!row) throw refuse.versionConflict('workstream');
      // Checked with the row locked: a routing rule saved meanwhile has committed (its save locks the row too).
      if (changes.advanced !== undefined) {
        const inUse = await removedVariablesInUse(tx, id, settingsOf(stored).advanced, changes.advanced);
        if (inUse.length > 0) throw refuse.validation(inUse);
      }
      // The distribution mode is accepted only unchanged, so it is never a change. Quick replies compare with their ids.
      const changed = changedFields(editableFieldsOf(stored), changes.advanced === undefined ? changes : { ...changes, advanced: settings.advanced });
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: 'updated', entityType: 'workstream', entityId: id, entityName: row.name, changedFields: changed }, now());
      }
      // Capacity, presences, skills, wrap-up: any setting but the name may change who can take what waits.
      settingsChanged = changed.some((field) => field !== 'name');
      return workstreamView(tx, id);
    })
    .catch(rethrow);
  if (settingsChanged) await requestAssignment(context);
  return workstream;
}

/**
 * Allowed with WhatsApp set up and with rules: the number is freed and the rules go with the
 * workstream (ON DELETE CASCADE). The UI names both before it asks for confirmation.
 */
export async function deleteWorkstream(context: Parameters<typeof announceBotHandOvers>[0], actor: Actor, id: string): Promise<void> {
  const moment = context.now();
  const handed = await context.db.transaction(async (tx) => {
    const [stored] = await tx.select().from(workstreams).where(eq(workstreams.id, id)).for('update');
    if (!stored) throw refuse.notFound('workstream');
    // Its bot goes with it: a conversation it had would otherwise wait for a bot nobody calls.
    const fromBot = await handOverEveryBotConversation(tx, stored, 'the workstream was deleted', moment);
    await tx.delete(workstreams).where(eq(workstreams.id, id));
    // Its WhatsApp setup and rules go with it: the workstream's event says it all.
    await recordAudit(tx, actor, { action: 'deleted', entityType: 'workstream', entityId: id, entityName: stored.name }, moment);
    return fromBot;
  });
  await announceBotHandOvers(context, handed);
}
