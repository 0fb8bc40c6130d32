import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { validationText } from './form/validation-text';

export interface ProblemTextOptions {
  /**
   * Word the field errors themselves rather than point at the form's fields: for a
   * refusal outside a form, such as a delete that a guard stopped.
   */
  explainFieldErrors?: boolean;
}

/** One sentence for a failed request, in the user's language. */
export function useProblemText() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, options: ProblemTextOptions = {}): string => {
      if (!(error instanceof ApiError)) return t('errors.server', { status: '?' });
      if (error.isNetworkFailure) return t('errors.network');
      if (error.isVersionConflict) return t('errors.versionConflict');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 401) return t('errors.unauthorized');
      if (error.status === 403 && error.fieldErrors.length === 0) return t('errors.forbidden');
      if (error.fieldErrors.length > 0 && options.explainFieldErrors) {
        return error.fieldErrors.map((e) => validationText(t, e.code, e.params) ?? e.message).join(' ');
      }
      if (error.fieldErrors.length > 0) return t('errors.fieldsNeedAttention');
      if (error.status >= 500) return t('errors.server', { status: error.status });
      return error.problem.detail ?? error.problem.title;
    },
    [t],
  );
}
