import type { AdvancedPanel } from './advanced-section';

const fieldsInPageOrder = ['name', 'distributionMode', 'fallbackQueueId', 'capacity.value', 'allowedPresences'] as const;

/** How many rows the form's lists have now, to name their fields in page order. */
export interface ListSizes {
  contextVariables: number;
  /** The number of translations of each quick reply, in order. */
  quickReplyTranslations: number[];
}

function quickReplyPaths(translationCounts: number[]): string[] {
  return translationCounts.flatMap((count, index) => {
    const reply = `advanced.quickReplies.${index}`;
    const translations = Array.from({ length: count }, (_, t) => [`${reply}.translations.${t}.language`, `${reply}.translations.${t}.body`]).flat();
    return [`${reply}.title`, `${reply}.body`, ...translations];
  });
}

/** The field with an error that comes first on the page, to open its section and focus it. */
export function firstErrorPath(hasError: (path: string) => boolean, sizes: ListSizes): string | undefined {
  const variables = Array.from({ length: sizes.contextVariables }, (_, index) => `advanced.contextVariables.${index}.name`);
  return [...fieldsInPageOrder, ...variables, 'advanced.contextVariables', ...quickReplyPaths(sizes.quickReplyTranslations)].find(hasError);
}

/** The panel of the advanced settings a field is in; undefined for a field outside them. */
export function advancedPanelOf(path: string): AdvancedPanel | undefined {
  if (path.startsWith('advanced.contextVariables')) return 'contextVariables';
  if (path.startsWith('advanced.quickReplies')) return 'quickReplies';
  if (path.startsWith('advanced.notificationTemplate')) return 'notifications';
  return undefined;
}
