import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FieldError } from '@/api/contract/problem';
import { fieldError } from '@/api/contract/problem-bodies';
import type { RoutingRuleSet, RoutingRulesUpdate } from '@/api/contract/routing-rule';
import { changedFields, rulesForAudit } from '@/domain/audit-changes';
import { skillKey } from '@/domain/work-distribution/skills';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { queues, routingRules, users, workstreams, type WorkstreamSettings } from '../db/schema';
import { isUuid } from '../db/uuid';
import { recordAudit, type Actor } from './audit';
import { refuse } from './refused';
import { findWorkstream, ruleSetOf } from './workstream-views';

/** queue.notFound on every rule whose queue does not exist, by its index. */
async function missingQueues(db: Queryable, rules: RoutingRulesUpdate['rules']) {
  const wanted = [...new Set(rules.map((rule) => rule.queueId.toLowerCase()).filter(isUuid))];
  const found = wanted.length === 0 ? [] : await db.select({ id: queues.id }).from(queues).where(inArray(queues.id, wanted));
  const existing = new Set(found.map((q) => q.id));
  return rules.flatMap((rule, index) => (existing.has(rule.queueId.toLowerCase()) ? [] : [fieldError(`rules.${index}.queueId`, 'queue.notFound')]));
}

/** skillName.unknown on every required skill that no user has: no agent could ever match it. */
async function unknownSkills(db: Queryable, rules: RoutingRulesUpdate['rules']) {
  if (rules.every((rule) => rule.requiredSkills.length === 0)) return [];
  const rows = await db.select({ skills: users.skills }).from(users);
  const known = new Set(rows.flatMap((row) => row.skills.map((skill) => skillKey(skill.name))));
  return rules.flatMap((rule, index) =>
    rule.requiredSkills.flatMap((skill, skillIndex) =>
      known.has(skillKey(skill.name)) ? [] : [fieldError(`rules.${index}.requiredSkills.${skillIndex}.name`, 'skillName.unknown')],
    ),
  );
}

/**
 * condition.variableUnknown on each context-variable condition that names none of the
 * workstream's variables; the others name it as the workstream spells it.
 */
function withKnownVariables(rules: RoutingRulesUpdate['rules'], settings: WorkstreamSettings) {
  const names = new Map(settings.advanced.contextVariables.map((variable) => [variable.name.toLowerCase(), variable.name]));
  const errors: FieldError[] = [];
  const checked = rules.map((rule, index) => ({
    ...rule,
    conditions: rule.conditions.map((condition, c) => {
      if (condition.field !== 'contextVariable') return condition;
      const sent = 'variable' in condition && typeof condition.variable === 'string' ? condition.variable : '';
      const name = names.get(sent.toLowerCase());
      if (name === undefined) errors.push(fieldError(`rules.${index}.conditions.${c}.variable`, 'condition.variableUnknown'));
      return { ...condition, variable: name ?? sent };
    }),
  }));
  return { rules: checked, errors };
}

async function requireWorkstream(db: Queryable, id: string) {
  const workstream = await findWorkstream(db, id);
  if (!workstream) throw refuse.notFound('workstream');
  return workstream;
}

export async function getRoutingRules(db: Queryable, workstreamId: string): Promise<RoutingRuleSet> {
  return ruleSetOf(db, await requireWorkstream(db, workstreamId));
}

/** Refuses a missing workstream: a 404 comes before the body is read. */
export async function requireRoutingWorkstream(db: Queryable, workstreamId: string): Promise<void> {
  await requireWorkstream(db, workstreamId);
}

/** The whole ordered list is replaced at once. */
export async function replaceRoutingRules({ db, now }: Pick<ServerContext, 'db' | 'now'>, actor: Actor, id: string, input: RoutingRulesUpdate): Promise<RoutingRuleSet> {
  return db
    .transaction(async (tx) => {
      const stored = await findWorkstream(tx, id);
      if (!stored) throw refuse.notFound('workstream');
      if (stored.routingVersion !== input.version) throw refuse.versionConflict('set of routing rules');
      const invalid = [...(await missingQueues(tx, input.rules)), ...(await unknownSkills(tx, input.rules)), ...withKnownVariables(input.rules, stored.settings).errors];
      if (invalid.length > 0) throw refuse.validation(invalid);

      // Claims the version first: a concurrent save of the same version waits here, then finds it stale.
      const [claimed] = await tx
        .update(workstreams)
        .set({ routingVersion: stored.routingVersion + 1, routingUpdatedAt: now().toISOString() })
        .where(and(eq(workstreams.id, id), eq(workstreams.routingVersion, input.version)))
        .returning();
      if (!claimed) throw refuse.versionConflict('set of routing rules');
      // Again with the row locked: a workstream save that removed a variable meanwhile has committed.
      const variables = withKnownVariables(input.rules, claimed.settings);
      if (variables.errors.length > 0) throw refuse.validation(variables.errors);

      const before = await tx.select().from(routingRules).where(eq(routingRules.workstreamId, id)).orderBy(asc(routingRules.position));
      // An id is kept only for a rule this workstream has, and only once: anything else is a new rule.
      const available = new Set(before.map((rule) => rule.id));
      const rules = variables.rules.map((rule) => {
        const sentId = rule.id?.toLowerCase();
        const keep = sentId !== undefined && available.delete(sentId);
        return {
          id: keep ? sentId : randomUUID(),
          name: rule.name,
          conditions: rule.conditions,
          queueId: rule.queueId.toLowerCase(),
          requiredSkills: rule.requiredSkills,
        };
      });
      await tx.delete(routingRules).where(eq(routingRules.workstreamId, id));
      if (rules.length > 0) {
        await tx.insert(routingRules).values(rules.map((rule, position) => ({ ...rule, workstreamId: id, position })));
      }

      // The whole list is one record of the workstream: ["rules"] when it differs, nothing when not.
      const changed = changedFields(rulesForAudit(before), rulesForAudit(rules));
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: 'updated', entityType: 'routingRules', entityId: id, entityName: stored.name, changedFields: changed }, now());
      }
      return ruleSetOf(tx, claimed);
    })
    .catch(async (error: unknown) => {
      // A queue was deleted between the check and the save.
      if (brokenConstraint(error)?.constraint !== 'routing_rules_queue_id_queues_id_fk') throw error;
      const missing = await missingQueues(db, input.rules);
      throw missing.length > 0 ? refuse.validation(missing) : error;
    });
}
