import { Body1, Field, Input, Subtitle1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingConversation, RoutingCondition } from '@/domain/routing-rules';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0 },
  result: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: '2.5em',
  },
  matched: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
});

export interface TesterResult {
  /** 1-based place of the matching rule; null when the fallback queue takes it. */
  position: number | null;
  ruleName: string;
  queueName: string;
  /** The first message is the Twilio sandbox's "join <code>", which routes nothing. */
  sandboxJoin?: true;
}

/** A conversation to test, with values for the context variables a bot would set at hand-off. */
export type TestConversation = IncomingConversation & { contextVariables: Record<string, string> };

/** The context variables the rules compare, each once (names are unique without regard to case), in order of use. */
export function variablesUsedBy(rules: readonly { conditions: readonly RoutingCondition[] }[]): string[] {
  const byLowerName = new Map<string, string>();
  for (const condition of rules.flatMap((rule) => rule.conditions)) {
    if (condition.field !== 'contextVariable' || !condition.variable) continue;
    const key = condition.variable.toLowerCase();
    if (!byLowerName.has(key)) byLowerName.set(key, condition.variable);
  }
  return [...byLowerName.values()];
}

interface RuleTesterProps {
  conversation: TestConversation;
  /** The context variables the rules use: the tester asks for a value of each. */
  variables: readonly string[];
  onChange: (conversation: TestConversation) => void;
  result: TesterResult | null;
}

/** Where a conversation would go, evaluated as the user types, over the rules as edited. */
export function RuleTester({ conversation, variables, onChange, result }: RuleTesterProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();

  const text = !result
    ? t('routing.tester.idle')
    : result.sandboxJoin
      ? t('routing.tester.sandboxJoin')
      : result.position === null
      ? t('routing.tester.noMatch', { queue: result.queueName })
      : t('routing.tester.matches', { position: result.position, name: result.ruleName, queue: result.queueName });

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('routing.tester.title')}
      </Subtitle1>
      <Body1>{t('routing.tester.intro')}</Body1>
      <Field label={t('routing.tester.phone')} hint={t('routing.tester.phoneHint')}>
        <Input
          value={conversation.customerPhone}
          onChange={(_, data) => onChange({ ...conversation, customerPhone: data.value })}
          inputMode="tel"
          autoComplete="off"
        />
      </Field>
      <Field label={t('routing.tester.message')}>
        <Input value={conversation.firstMessage} onChange={(_, data) => onChange({ ...conversation, firstMessage: data.value })} autoComplete="off" />
      </Field>
      {variables.map((name) => (
        <Field key={name} label={t('routing.tester.variable', { name })} hint={t('routing.tester.variableHint')}>
          <Input
            value={conversation.contextVariables[name] ?? ''}
            onChange={(_, data) => onChange({ ...conversation, contextVariables: { ...conversation.contextVariables, [name]: data.value } })}
            autoComplete="off"
          />
        </Field>
      ))}
      <div role="status" className={mergeClasses(styles.result, result?.position != null && styles.matched)}>
        <Body1>{text}</Body1>
      </div>
    </section>
  );
}
