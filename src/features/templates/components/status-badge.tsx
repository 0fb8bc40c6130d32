import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TemplateStatus } from '@/api/contract/message-template';

const colors: Record<TemplateStatus, BadgeProps['color']> = {
  draft: 'informative',
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

export function StatusBadge({ status }: { status: TemplateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={colors[status]}>
      {t(`templates.statuses.${status}`)}
    </Badge>
  );
}
