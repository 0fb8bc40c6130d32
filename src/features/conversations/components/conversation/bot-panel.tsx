import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@/api/contract/conversation';
import { useFormatDateTime } from '@/components/use-format-date-time';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  subheading: { ...typographyStyles.body1Strong, margin: 0 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  // The grid lines up terms and values across the pairs; each pair's div is there for valid <dl> markup.
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  none: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/**
 * What the bot did before agents got the conversation: why and when it handed over, and the
 * context variables it left (the agent's starting point). Absent when no bot and no variables.
 */
export function BotPanel({ conversation }: { conversation: Pick<Conversation, 'bot' | 'contextVariables'> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const headingId = useId();
  const { bot, contextVariables } = conversation;
  const variables = Object.entries(contextVariables);
  if (bot === null && variables.length === 0) return null;

  const botItems: [string, ReactNode][] = bot
    ? [
        [t('conversations.bot.bot'), bot.name],
        [t('conversations.bot.turns'), String(bot.turns)],
        ...(bot.handoff
          ? ([
              [t('conversations.bot.reason'), t(`conversations.handoffReasons.${bot.handoff.reason}`)],
              [t('conversations.bot.detail'), bot.handoff.detail ?? <span className={styles.none}>{t('conversations.bot.noDetail')}</span>],
              [t('conversations.bot.at'), <time dateTime={bot.handoff.at}>{formatDateTime(bot.handoff.at)}</time>],
            ] satisfies [string, ReactNode][])
          : []),
      ]
    : [];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('conversations.bot.heading')}
      </h2>
      {bot?.active && <p className={styles.value}>{t('conversations.bot.active')}</p>}
      {botItems.length > 0 && <Pairs items={botItems} />}
      <h3 className={styles.subheading}>{t('conversations.bot.variables')}</h3>
      {variables.length === 0 ? <p className={styles.none}>{t('conversations.bot.noVariables')}</p> : <Pairs items={variables} />}
    </section>
  );
}

function Pairs({ items }: { items: [string, ReactNode][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {items.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
