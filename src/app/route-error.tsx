import { Body1, Button, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last line of defence: a broken screen says so and offers a way out instead of a blank page. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : '';
  return (
    <main style={{ padding: 32 }}>
      <Title2 as="h1">{t('errors.loadFailed')}</Title2>
      {detail && <Body1 as="p">{detail}</Body1>}
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </Button>
    </main>
  );
}
