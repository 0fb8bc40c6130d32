export interface ContextVariableDefinition {
  name: string;
  type: 'text' | 'number';
}

export interface HandoffVariables {
  /** The values kept, as text, under the workstream's own spelling of each name. */
  values: Record<string, string>;
  /** Names given that the workstream does not define, or whose value does not fit its type. */
  ignored: { name: string; why: 'unknown' | 'notANumber' }[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function asNumber(value: string | number | boolean): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return value.trim();
  return null;
}

/**
 * The context variables a bot set at hand-off, as the conversation keeps them: only those the
 * workstream defines (names compared regardless of case, as the workstream keeps them unique so),
 * and a number-typed one only with a number. What is left out is named, for the hand-off's detail.
 */
export function handoffVariables(definitions: readonly ContextVariableDefinition[], given: Readonly<Record<string, string | number | boolean>> = {}): HandoffVariables {
  const byKey = new Map(definitions.map((definition) => [definition.name.toLowerCase(), definition]));
  const values: Record<string, string> = {};
  const ignored: HandoffVariables['ignored'] = [];
  for (const [name, value] of Object.entries(given)) {
    const definition = byKey.get(name.toLowerCase());
    if (!definition) {
      ignored.push({ name, why: 'unknown' });
      continue;
    }
    const text = definition.type === 'number' ? asNumber(value) : String(value);
    if (text === null) ignored.push({ name, why: 'notANumber' });
    else values[definition.name] = text;
  }
  return { values, ignored };
}

/** The hand-off detail's words for what was left out ("ignored: age (not a number), colour (not defined)"). */
export function ignoredVariablesDetail(ignored: HandoffVariables['ignored']): string | null {
  if (ignored.length === 0) return null;
  return `ignored: ${ignored.map(({ name, why }) => `${name} (${why === 'unknown' ? 'not defined' : 'not a number'})`).join(', ')}`;
}

export const MAX_HANDOFF_DETAIL = 300;

/**
 * The hand-off's detail from its parts (the bot's words or the failure, an unknown queue, ignored
 * variables), cut to MAX_HANDOFF_DETAIL characters: the bot writes most of it, and agents read it
 * in every live event.
 */
export function handoffDetail(parts: readonly (string | null | undefined)[]): string | null {
  const detail = parts.filter((part): part is string => typeof part === 'string' && part !== '').join('; ');
  if (detail === '') return null;
  const characters = Array.from(detail);
  return characters.length <= MAX_HANDOFF_DETAIL ? detail : `${characters.slice(0, MAX_HANDOFF_DETAIL - 1).join('')}…`;
}
