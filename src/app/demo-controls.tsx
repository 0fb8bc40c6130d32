import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/components/toast';
import { resourceKeys, type Resource } from '@/resources/keys';
import { useResourceCache } from '@/resources/use-resource-cache';

const everyResource = Object.keys(resourceKeys) as Resource[];

/** Only in demo mode: lets an evaluator make customers write, reset the data and see failure paths on purpose. */
export function DemoControls() {
  const { t } = useTranslation();
  const notify = useNotify();
  const cache = useResourceCache();
  /** Which demo customer writes next: they take turns. */
  const turn = useRef(0);

  const reset = async () => {
    const { demoDb } = await import('@/mocks/browser');
    demoDb.reset();
    await cache.refresh(everyResource);
    notify(t('app.demoResetDone'));
  };
  const simulate = async () => {
    const { demoDb, demoRuntime } = await import('@/mocks/browser');
    const { simulateDemoCustomer } = await import('@/mocks/simulated-traffic');
    const received = simulateDemoCustomer(demoDb, demoRuntime, turn.current++);
    if (!received) {
      notify(t('app.demoSimulateNoNumber'), 'warning');
      return;
    }
    const { customer, businessNumber } = received.conversation;
    // The live channel carries the new messages and the sandbox's first one; without it, they are fetched.
    await cache.refresh(['conversations', 'sandbox']);
    notify(t('app.demoSimulated', { name: customer.profileName ?? customer.phone, number: businessNumber }));
  };
  const failNext = async () => {
    const { demoFaults } = await import('@/mocks/browser');
    demoFaults.failNextWrite();
    notify(t('app.demoFailNextArmed'), 'warning');
  };

  const refuseNextReply = async () => {
    const { demoRuntime } = await import('@/mocks/browser');
    demoRuntime.refuseNextReply('63016');
    notify(t('app.demoRefuseNextReplyArmed'), 'warning');
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
          <MenuItem onClick={() => void simulate()}>{t('app.demoSimulate')}</MenuItem>
          <MenuItem onClick={() => void reset()}>{t('app.demoReset')}</MenuItem>
          <MenuItem onClick={() => void failNext()}>{t('app.demoFailNext')}</MenuItem>
          <MenuItem onClick={() => void refuseNextReply()}>{t('app.demoRefuseNextReply')}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
