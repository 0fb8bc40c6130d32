import { z } from 'zod';

/**
 * Where a record is used, computed by the backend, so that a delete dialog can name what
 * is affected before anyone confirms, and a refused delete can say what to change first.
 */
export const usageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workstream'), id: z.string(), name: z.string() }),
  z.object({
    kind: z.literal('routingRule'),
    workstreamId: z.string(),
    workstreamName: z.string(),
    ruleId: z.string(),
    ruleName: z.string(),
  }),
]);

export type Usage = z.infer<typeof usageSchema>;
