import { TaskListLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { isTwilioSandboxNumber } from '@/domain/e164';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';

/** The way to the sandbox checklist, for an account on Twilio's sandbox number only. */
export function SandboxLink({ account, size }: { account: Pick<WhatsAppAccount, 'id' | 'name' | 'numbers'>; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  if (!account.numbers.some((n) => isTwilioSandboxNumber(n.number))) return null;
  return (
    <LinkButton
      to={paths.accountSandbox(account.id)}
      size={size}
      icon={<TaskListLtrRegular />}
      aria-label={t('accountTools.sandboxLinkFor', { name: account.name })}
    >
      {t('accountTools.sandboxLink')}
    </LinkButton>
  );
}
