const fieldsInPageOrder = ['name', 'distributionMode', 'fallbackQueueId', 'capacity.value', 'allowedPresences', 'bot.name'] as const;

/** The field with an error that comes first on the page, to open its section and focus it. */
export function firstErrorPath(hasError: (path: string) => boolean, variableCount: number): string | undefined {
  const variables = Array.from({ length: variableCount }, (_, index) => `advanced.contextVariables.${index}.name`);
  return [...fieldsInPageOrder, ...variables, 'advanced.contextVariables'].find(hasError);
}

export function isAdvancedPath(path: string): boolean {
  return path.startsWith('advanced.');
}
