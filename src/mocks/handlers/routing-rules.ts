import { http, HttpResponse, type HttpHandler } from 'msw';
import { problemTypes } from '@/api/contract/problem';
import { routingRulesInputSchema, type RoutingRuleSet } from '@/api/contract/routing-rule';
import { rulesForAudit } from '@/domain/audit-changes';
import { skillKey } from '@/domain/work-distribution/skills';
import { recordUpdate } from '../audit';
import type { MockData, MockDb, StoredRoutingRule, StoredWorkstream } from '../db';
import { newId } from '../ids';
import { fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';

function toRuleSet(data: Readonly<MockData>, workstream: StoredWorkstream): RoutingRuleSet {
  const { rules, version, updatedAt } = workstream.routing;
  return {
    workstreamId: workstream.id,
    rules: rules.map((rule) => ({ ...rule, queueName: data.queues.find((q) => q.id === rule.queueId)?.name ?? '' })),
    version,
    updatedAt,
  };
}

/** The variable a condition names ("" for one that names none). */
const variableOf = (condition: object): string => ('variable' in condition && typeof condition.variable === 'string' ? condition.variable : '');

export function routingRulesHandlers(db: MockDb): HttpHandler[] {
  const findWorkstream = (id: string) => db.data.workstreams.find((w) => w.id === id);

  return [
    http.get('/api/workstreams/:id/routing-rules', ({ params }) => {
      const workstream = findWorkstream(String(params.id));
      if (!workstream) return notFound('workstream');
      return HttpResponse.json(toRuleSet(db.data, workstream));
    }),

    http.put('/api/workstreams/:id/routing-rules', async ({ params, request }) => {
      const id = String(params.id);
      const workstream = findWorkstream(id);
      if (!workstream) return notFound('workstream');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = routingRulesInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (workstream.routing.version !== input.version) return versionConflict('set of routing rules');

      // A required skill nobody has would keep its conversations waiting for ever.
      const known = new Set(db.data.users.flatMap((u) => u.skills.map((skill) => skillKey(skill.name))));
      // A context variable's condition names one of the workstream's variables, as the workstream spells it.
      const variables = new Map(workstream.advanced.contextVariables.map((variable) => [variable.name.toLowerCase(), variable.name]));
      const unknownVariables = input.rules.flatMap((rule, index) =>
        rule.conditions.flatMap((condition, c) =>
          condition.field === 'contextVariable' && !variables.has(variableOf(condition).toLowerCase())
            ? [fieldError(`rules.${index}.conditions.${c}.variable`, 'condition.variableUnknown')]
            : [],
        ),
      );
      const unknownReferences = [...unknownVariables, ...input.rules.flatMap((rule, index) => [
        ...(db.data.queues.some((q) => q.id === rule.queueId) ? [] : [fieldError(`rules.${index}.queueId`, 'queue.notFound')]),
        ...rule.requiredSkills.flatMap((skill, skillIndex) =>
          known.has(skillKey(skill.name)) ? [] : [fieldError(`rules.${index}.requiredSkills.${skillIndex}.name`, 'skillName.unknown')],
        ),
      ])];
      if (unknownReferences.length > 0) {
        return problem({ type: problemTypes.validation, title: 'Some fields need attention', status: 400, errors: unknownReferences });
      }

      const updated = db.write((draft) => {
        const stored = draft.workstreams.find((w) => w.id === id)!;
        // An id is kept only for a rule this workstream has, and only once: anything else is a new rule.
        const available = new Set(stored.routing.rules.map((rule) => rule.id));
        const rules = input.rules.map((rule): StoredRoutingRule => {
          const keep = rule.id !== undefined && available.delete(rule.id);
          const conditions = rule.conditions.map((condition) =>
            condition.field === 'contextVariable' ? { ...condition, variable: variables.get(variableOf(condition).toLowerCase()) ?? variableOf(condition) } : condition,
          );
          return { id: keep ? rule.id! : newId(), name: rule.name, conditions, queueId: rule.queueId, requiredSkills: rule.requiredSkills };
        });
        // The whole list is one record of the workstream: ["rules"] when it differs, nothing when not.
        recordUpdate(draft, 'routingRules', stored, rulesForAudit(stored.routing.rules), rulesForAudit(rules));
        stored.routing = { rules, version: stored.routing.version + 1, updatedAt: new Date().toISOString() };
        return stored;
      });
      return HttpResponse.json(toRuleSet(db.data, updated));
    }),
  ];
}
