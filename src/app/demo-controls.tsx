import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/components/toast';

/** Only in demo mode: lets an evaluator reset the data and see failure paths on purpose. */
export function DemoControls() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();

  const reset = async () => {
    const { demoDb } = await import('@/mocks/browser');
    demoDb.reset();
    await queryClient.invalidateQueries();
    notify(t('app.demoResetDone'));
  };
  const failNext = async () => {
    const { demoFaults } = await import('@/mocks/browser');
    demoFaults.failNextWrite();
    notify(t('app.demoFailNextArmed'), 'warning');
  };

  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="secondary" size="small">
          {t('app.demoMenu')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => void reset()}>{t('app.demoReset')}</MenuItem>
          <MenuItem onClick={() => void failNext()}>{t('app.demoFailNext')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
