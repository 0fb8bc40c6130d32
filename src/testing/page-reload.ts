import { vi } from 'vitest';

/**
 * Makes what renders next believe the page was just reloaded: a new page load (timeOrigin)
 * reached by a reload (Navigation Timing). Undo with vi.restoreAllMocks().
 */
export function simulatePageReload(): void {
  const reloadedAt = performance.timeOrigin + 1_000;
  vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(reloadedAt);
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
    type === 'navigation' ? ([{ type: 'reload' }] as unknown as PerformanceEntryList) : [],
  );
}
