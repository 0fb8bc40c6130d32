import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { automatedMessageTriggers, type AutomatedMessageTrigger } from '@/api/contract/whatsapp-setup';
import { LinkButton } from '@/components/link-button';
import type { FormStep } from './setup-steps';
import { useLanguageLabel } from './use-language-names';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 14rem) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** What a setup says, whether it is still a draft or saved. */
export interface OverviewData {
  number: { name: string; number: string; accountName: string } | null;
  language: string;
  /** Languages of each message's texts; null when the message is off. */
  messages: Record<AutomatedMessageTrigger, string[] | null>;
  survey: { mode: 'off' } | { mode: 'link'; url: string } | { mode: 'text'; text: string };
  attachments: { customersCanSend: boolean; agentsCanSend: boolean };
}

interface SetupOverviewProps {
  data: OverviewData;
  /** Where each group's Edit link leads; without it there are no links. */
  editTo?: (step: FormStep) => string;
}

/** Every choice of the setup in groups by wizard step. */
export function SetupOverview({ data, editTo }: SetupOverviewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const languageLabel = useLanguageLabel();
  const yesNo = (value: boolean) => (value ? t('whatsAppSetup.summary.yes') : t('whatsAppSetup.summary.no'));
  const survey = data.survey;

  return (
    <div className={styles.root}>
      <Group step="number" editTo={editTo}>
        <Row term={t('whatsAppSetup.summary.number')}>
          {data.number ? (
            <>
              {data.number.name}, <span className={styles.code}>{data.number.number}</span>
            </>
          ) : (
            t('whatsAppSetup.summary.unknownNumber')
          )}
        </Row>
        {data.number && <Row term={t('whatsAppSetup.summary.account')}>{data.number.accountName}</Row>}
      </Group>
      <Group step="language" editTo={editTo}>
        <Row term={t('whatsAppSetup.summary.language')}>{languageLabel(data.language)}</Row>
      </Group>
      <Group step="behaviors" editTo={editTo}>
        {automatedMessageTriggers.map((trigger) => {
          const languages = data.messages[trigger];
          return (
            <Row key={trigger} term={t(`whatsAppSetup.behaviors.triggers.${trigger}.title`)}>
              {languages
                ? t('whatsAppSetup.summary.messageOn', { languages: languages.map(languageLabel).join(', ') })
                : t('whatsAppSetup.summary.off')}
            </Row>
          );
        })}
        <Row term={t('whatsAppSetup.summary.survey')}>
          {survey.mode === 'off'
            ? t('whatsAppSetup.summary.off')
            : survey.mode === 'link'
              ? t('whatsAppSetup.summary.surveyLink', { url: survey.url.trim() })
              : t('whatsAppSetup.summary.surveyText', { text: survey.text.trim() })}
        </Row>
      </Group>
      <Group step="features" editTo={editTo}>
        <Row term={t('whatsAppSetup.summary.customersCanSend')}>{yesNo(data.attachments.customersCanSend)}</Row>
        <Row term={t('whatsAppSetup.summary.agentsCanSend')}>{yesNo(data.attachments.agentsCanSend)}</Row>
      </Group>
    </div>
  );
}

function Group({ step, editTo, children }: { step: FormStep; editTo: ((step: FormStep) => string) | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const title = t(`whatsAppSetup.steps.${step}`);
  return (
    <section aria-labelledby={headingId} className={styles.group}>
      <div className={styles.head}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {title}
        </Subtitle2>
        {editTo && (
          <LinkButton
            to={editTo(step)}
            appearance="subtle"
            size="small"
            icon={<EditRegular />}
            aria-label={t('whatsAppSetup.summary.editStep', { step: title })}
          >
            {t('whatsAppSetup.summary.edit')}
          </LinkButton>
        )}
      </div>
      <dl className={styles.list}>{children}</dl>
    </section>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </>
  );
}
