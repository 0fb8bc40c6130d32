import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingCondition } from '@/domain/routing-rules';

/** A condition in words, e.g. "Customer phone number starts with +358" or "topic is “billing”". */
export function useConditionText() {
  const { t } = useTranslation();
  return useCallback(
    (condition: RoutingCondition) => t(`routing.conditionText.${condition.field}.${condition.operator}`, { value: condition.value, variable: condition.variable ?? '' }),
    [t],
  );
}
