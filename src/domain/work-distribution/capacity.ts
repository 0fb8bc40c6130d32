/** A user's capacity in units when nobody set one: three conversations that cost one unit each. */
export const DEFAULT_USER_CAPACITY = 3;
export const MAX_USER_CAPACITY = 100;

export type CapacityMode = 'unit' | 'profile';

/** What a workstream's conversations cost an agent, and how long a closed one keeps costing. */
export interface CapacityRule {
  /**
   * unit: each conversation takes `value` units of the agent's capacity.
   * profile: an agent holds at most `value` conversations of this workstream at once; each takes one unit.
   */
  capacity: { mode: CapacityMode; value: number };
  blockCapacityForWrapUp: boolean;
  wrapUpMinutes: number;
}

/** A conversation an agent holds: open, or closed and perhaps still in wrap-up. */
export interface Holding {
  workstreamId: string | null;
  closedAt: string | null;
}

export type CapacityRules = ReadonlyMap<string, CapacityRule>;

/** A conversation without a workstream (its setup was removed) costs one unit while open. */
const NO_RULE: CapacityRule = { capacity: { mode: 'unit', value: 1 }, blockCapacityForWrapUp: false, wrapUpMinutes: 0 };

export function unitCost(rule: CapacityRule): number {
  return rule.capacity.mode === 'unit' ? rule.capacity.value : 1;
}

function ruleOf(rules: CapacityRules, workstreamId: string | null): CapacityRule {
  return (workstreamId !== null ? rules.get(workstreamId) : undefined) ?? NO_RULE;
}

/** Whether a held conversation still takes room: open, or closed within its workstream's wrap-up time. */
export function stillHeld(holding: Holding, rule: CapacityRule, now: Date): boolean {
  if (holding.closedAt === null) return true;
  if (!rule.blockCapacityForWrapUp) return false;
  return now.getTime() - new Date(holding.closedAt).getTime() < rule.wrapUpMinutes * 60_000;
}

/** Units in use and conversations held per workstream, at an instant. */
export function loadOf(holdings: readonly Holding[], rules: CapacityRules, now: Date): { units: number; byWorkstream: Map<string, number> } {
  let units = 0;
  const byWorkstream = new Map<string, number>();
  for (const holding of holdings) {
    const rule = ruleOf(rules, holding.workstreamId);
    if (!stillHeld(holding, rule, now)) continue;
    units += unitCost(rule);
    if (holding.workstreamId !== null) byWorkstream.set(holding.workstreamId, (byWorkstream.get(holding.workstreamId) ?? 0) + 1);
  }
  return { units, byWorkstream };
}

/** Whether an agent with this load can take one more conversation of the workstream. */
export function hasRoomFor(
  load: { units: number; byWorkstream: ReadonlyMap<string, number> },
  capacity: number,
  workstreamId: string,
  rule: CapacityRule,
): boolean {
  if (load.units + unitCost(rule) > capacity) return false;
  if (rule.capacity.mode === 'profile' && (load.byWorkstream.get(workstreamId) ?? 0) >= rule.capacity.value) return false;
  return true;
}
