import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { ProblemAlert } from '@/components/problem-alert';
import { languageName } from '@/domain/whatsapp-languages';
import { templateQueries } from '@/resources/templates';
import { TemplateForm } from './template-form';

/**
 * Outside the 24-hour window WhatsApp takes only templates it has approved, in the
 * customer's language: the others are not offered at all.
 */
export function TemplatePicker({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const templates = useQuery(templateQueries.list(conversation.accountId));
  const language = languageName(conversation.language, i18n.resolvedLanguage ?? 'en');

  if (templates.isPending) return <Spinner size="small" label={t('conversations.templates.loading')} />;
  if (templates.isError) return <ProblemAlert error={templates.error} onRetry={() => void templates.refetch()} />;

  const approved = templates.data.items
    // Twilio sends a template by its Content SID: an approved one without it cannot go out.
    .filter((template) => template.status === 'approved' && template.contentSid !== null && template.language === conversation.language)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (approved.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('conversations.templates.noneTitle', { language })}</MessageBarTitle>
          {t('conversations.templates.noneBody', { language })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <TemplateForm key={conversation.id} conversationId={conversation.id} templates={approved} />;
}
