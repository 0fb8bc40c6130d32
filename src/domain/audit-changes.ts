/**
 * Fields whose value is never compared nor kept: sending one counts as a change, so the
 * audit log says "changed" without anyone learning whether the value was the same.
 */
export const SECRET_FIELDS = ['authToken', 'password'] as const;

/** The concurrency token travels with every update but is not part of the record. */
const IGNORED_FIELDS: readonly string[] = ['version'];

/**
 * The names of the fields an update changes, as the audit log records them: every field
 * the (validated, normalised) input sends that differs from the stored value, and every
 * secret that is sent at all; never `version`. Sorted, so both backends agree on order.
 * An empty result means the update changes nothing and records no event.
 *
 * `stored` is the record before the update, with the input's field names; nested
 * objects and lists are compared by value (lists in order, object keys in any order).
 */
export function changedFields(stored: object, input: object, secrets: readonly string[] = SECRET_FIELDS): string[] {
  const before = stored as Readonly<Record<string, unknown>>;
  const sent = input as Readonly<Record<string, unknown>>;
  return Object.keys(sent)
    .filter((field) => !IGNORED_FIELDS.includes(field) && sent[field] !== undefined)
    .filter((field) => secrets.includes(field) || !sameValue(before[field], sent[field]))
    .sort();
}

/** Structural equality of JSON-like values; a key whose value is undefined counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysOf = (value: Record<string, unknown>) => Object.keys(value).filter((key) => value[key] !== undefined);
  const aKeys = keysOf(a);
  const bKeys = keysOf(b);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a message template is named in the audit log: "order_update (fi)". */
export function templateAuditName(template: { name: string; language: string }): string {
  return `${template.name} (${template.language})`;
}

interface SavedRule {
  id: string;
  name: string;
  conditions: readonly unknown[];
  queueId: string;
  /** Rules saved before skills existed have none. */
  requiredSkills?: readonly unknown[];
}

/**
 * The routing rules as the audit compares them: the saved list before and after a PUT,
 * ids included (a rule sent without its id is a new rule), so `changedFields` on
 * `{ rules }` answers `['rules']` exactly when the list differs.
 */
export function rulesForAudit(rules: readonly SavedRule[]): { rules: SavedRule[] } {
  return { rules: rules.map(({ id, name, conditions, queueId, requiredSkills }) => ({ id, name, conditions, queueId, requiredSkills: requiredSkills ?? [] })) };
}
