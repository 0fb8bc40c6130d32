import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';

/** One sentence for a failed request, in the user's language. */
export function useProblemText() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.server', { status: '?' });
      if (error.isNetworkFailure) return t('errors.network');
      if (error.isVersionConflict) return t('errors.versionConflict');
      if (error.status === 404) return t('errors.notFound');
      if (error.fieldErrors.length > 0) return t('errors.fieldsNeedAttention');
      if (error.status >= 500) return t('errors.server', { status: error.status });
      return error.problem.detail ?? error.problem.title;
    },
    [t],
  );
}
