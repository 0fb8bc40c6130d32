import { Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { RouterLink } from '@/components/router-link';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { CallbackInfo } from '@/features/accounts/components/callback-info';
import { SandboxLink } from '@/features/accounts/components/account-tools/sandbox-link';
import { VerifyCredentials } from '@/features/accounts/components/account-tools/verify-credentials';
import { CredentialsPanel } from './credentials-panel';
import { DetailsPanel } from './details-panel';
import { editTabs, resolveTab, type EditTab } from './edit-tabs';
import { NumbersPanel } from './numbers-panel';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useAccountForms } from './use-account-forms';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  title: { margin: 0 },
  panel: {
    alignSelf: 'stretch',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    '@media (max-width: 720px)': { padding: tokens.spacingHorizontalL },
  },
});

/**
 * The account's settings in tabs, the current one in the URL (`?tab=`). Every panel
 * stays mounted, so what was typed in one tab is still there after a visit to another.
 * The Templates tab's content comes from the templates feature, composed by the route.
 */
export function EditAccountView({ account, templatesPanel }: { account: WhatsAppAccount; templatesPanel?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const idBase = useId();
  const titleId = `${idBase}-title`;
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = resolveTab(searchParams.get('tab'));
  const forms = useAccountForms(account);
  const guard = useUnsavedChangesGuard({ dirty: forms.isDirty, title: t('editAccount.unsavedTitle'), body: t('editAccount.unsavedBody') });
  useDocumentTitle(t('editAccount.title', { name: account.name }));

  const select = (tab: EditTab) =>
    setSearchParams(
      (params) => {
        params.set('tab', tab);
        return params;
      },
      // Tabs are views of one page: Back leaves the page rather than stepping through tabs.
      { replace: true },
    );

  const tabId = (tab: EditTab) => `${idBase}-tab-${tab}`;
  const panelId = (tab: EditTab) => `${idBase}-panel-${tab}`;
  const panel = (tab: EditTab, content: ReactNode) => (
    <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} hidden={tab !== selected} className={styles.panel}>
      {content}
    </div>
  );

  return (
    <div className={styles.root}>
      <RouterLink to={paths.accounts}>{t('editAccount.backToList')}</RouterLink>
      <Title2 as="h1" id={titleId} className={styles.title}>
        {t('editAccount.title', { name: account.name })}
      </Title2>
      <SandboxLink account={account} />
      <TabList selectedValue={selected} onTabSelect={(_, data) => select(resolveTab(String(data.value)))} aria-labelledby={titleId}>
        {editTabs.filter((tab) => tab !== 'templates' || templatesPanel).map((tab) => (
          <Tab key={tab} value={tab} id={tabId(tab)} aria-controls={panelId(tab)}>
            {t(`editAccount.tabs.${tab}`)}
          </Tab>
        ))}
      </TabList>
      {panel('details', <DetailsPanel forms={forms} />)}
      {panel(
        'account',
        <>
          <CredentialsPanel forms={forms} />
          <VerifyCredentials accountId={account.id} />
        </>,
      )}
      {panel('numbers', <NumbersPanel account={account} />)}
      {panel('callback', <CallbackInfo account={account} />)}
      {templatesPanel && panel('templates', templatesPanel)}
      {guard.dialog}
    </div>
  );
}
