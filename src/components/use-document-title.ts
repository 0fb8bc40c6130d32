import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the page, in the UI language, so that tabs and history can be told apart. */
export function useDocumentTitle(page: string) {
  const { t } = useTranslation();
  const product = t('app.title');
  useEffect(() => {
    document.title = `${page} – ${product}`;
  }, [page, product]);
}
