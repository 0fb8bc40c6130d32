import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { groupOpeningDays } from '@/domain/operating-hours';
import { useWeekdayNames } from './use-weekday-names';

/** "Mon–Fri 08:00–17:00 (Europe/Helsinki)", or "Always open". */
export function useHoursSummary() {
  const { t } = useTranslation();
  const days = useWeekdayNames('short');
  return useCallback(
    (hours: Queue['operatingHours']): string => {
      if (hours === null) return t('queues.alwaysOpen');
      const ranges = groupOpeningDays(hours.periods).map(({ from, to, periods }) => {
        const span = from === to ? days[from] : `${days[from]}–${days[to]}`;
        return `${span} ${periods.map((p) => `${p.open}–${p.close}`).join(', ')}`;
      });
      return t('queues.hoursSummary', { ranges: ranges.join('; '), timeZone: hours.timeZone });
    },
    [t, days],
  );
}
