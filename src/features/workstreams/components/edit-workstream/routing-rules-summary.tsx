import { Body1 } from '@fluentui/react-components';
import { ArrowRoutingRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';

/** How many rules the workstream has, what happens to the rest, and the way to the rules. */
export function RoutingRulesSummary({ workstream }: { workstream: Workstream }) {
  const { t } = useTranslation();
  const count = workstream.routingRuleCount;
  const queue = workstream.fallbackQueueName;
  return (
    <>
      <Body1 as="p">{count === 0 ? t('workstreams.edit.rulesNone', { queue }) : t('workstreams.edit.rulesSome', { count, queue })}</Body1>
      <div>
        <LinkButton to={paths.routingRules(workstream.id)} icon={<ArrowRoutingRegular />}>
          {count === 0 ? t('workstreams.edit.addRules') : t('workstreams.edit.manageRules')}
        </LinkButton>
      </div>
    </>
  );
}
