import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { quickReplyVariables } from '@/domain/quick-replies';

/**
 * A variable still written as {{name}} in the reply: a quick reply whose context variable the
 * bot did not set. The customer would get the braces, so the agent is told before sending.
 */
export function UnfilledVariablesHint({ text, id }: { text: string; id: string }) {
  const { t } = useTranslation();
  const names = quickReplyVariables(text);
  if (names.length === 0) return null;
  return (
    <MessageBar id={id} intent="warning" layout="multiline">
      <MessageBarBody>
        {t('conversations.quickReplies.unfilled', { variables: names.map((name) => `{{${name}}}`).join(', '), interpolation: { escapeValue: false } })}
      </MessageBarBody>
    </MessageBar>
  );
}
