export const editTabs = ['details', 'account', 'numbers', 'callback', 'templates'] as const;

export type EditTab = (typeof editTabs)[number];

const isEditTab = (value: string | null): value is EditTab => editTabs.some((tab) => tab === value);

/** The tab named in the URL (`?tab=`); a missing or unknown one shows the first. */
export function resolveTab(value: string | null): EditTab {
  return isEditTab(value) ? value : 'details';
}
