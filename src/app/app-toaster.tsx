import { Toaster } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { TOASTER_ID } from '@/components/toast';

/** Toasts inside a named landmark, so that screen-reader users can find one again after it is announced. */
export function AppToaster() {
  const { t } = useTranslation();
  return (
    <aside aria-label={t('app.notifications')}>
      <Toaster toasterId={TOASTER_ID} inline position="bottom-end" pauseOnHover pauseOnWindowBlur />
    </aside>
  );
}
