import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Usage } from '@/api/contract/usage';

/** One place a queue is used, in a few words. */
export function useUsageText() {
  const { t } = useTranslation();
  return useCallback(
    (usage: Usage, long = false): string =>
      usage.kind === 'workstream'
        ? t(long ? 'queues.blockedFallback' : 'queues.usedAsFallback', { workstream: usage.name })
        : t(long ? 'queues.blockedRule' : 'queues.usedByRule', { workstream: usage.workstreamName, rule: usage.ruleName }),
    [t],
  );
}

export const usageKey = (usage: Usage) => (usage.kind === 'workstream' ? `w-${usage.id}` : `r-${usage.ruleId}`);
