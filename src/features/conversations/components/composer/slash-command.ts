/** Where a "/quick reply" being typed sits in the reply: the slash's index and what follows it up to the caret. */
export interface SlashCommand {
  start: number;
  query: string;
}

/**
 * The "/query" the agent is typing: a slash at the start of the reply or of a line, up to the
 * caret. Null when the caret's line does not start with one.
 */
export function slashCommandAt(text: string, caret: number): SlashCommand | null {
  const start = text.lastIndexOf('\n', caret - 1) + 1;
  const typed = text.slice(start, caret);
  return typed.startsWith('/') ? { start, query: typed.slice(1) } : null;
}

/** The text with the range replaced, and where the caret goes: after what was inserted. */
export function replaceRange(text: string, range: { start: number; end: number }, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, range.start) + insert + text.slice(range.end), caret: range.start + insert.length };
}
