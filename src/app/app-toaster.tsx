import { Toaster, useToastController } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TOASTER_ID } from '@/components/toast';

/** Toasts inside a named landmark, so that screen-reader users can find one again after it is announced. */
export function AppToaster() {
  const { t, i18n } = useTranslation();
  const { dismissAllToasts } = useToastController(TOASTER_ID);
  const shownIn = useRef(i18n.language);

  // A toast is text written in the language of its moment; after a switch it would stay
  // behind untranslated, so it goes (what it confirmed is on the page already).
  useEffect(() => {
    if (shownIn.current === i18n.language) return;
    shownIn.current = i18n.language;
    dismissAllToasts();
  }, [i18n.language, dismissAllToasts]);

  return (
    <aside aria-label={t('app.notifications')}>
      <Toaster toasterId={TOASTER_ID} inline position="bottom-end" pauseOnHover pauseOnWindowBlur />
    </aside>
  );
}
