import { useTranslation } from 'react-i18next';
import { NotYetPage } from './not-yet-page';

export function Component() {
  const { t } = useTranslation();
  return <NotYetPage page={t('workstreams.title')} />;
}
