import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { notificationTemplates, sessionTemplates } from '@/api/contract/workstream';
import { ContextVariablesField } from './context-variables-field';
import { SelectField, SwitchField } from './controlled-fields';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { FormSection } from './form-section';

export const advancedPanels = ['sessions', 'notifications', 'contextVariables', 'assist'] as const;
export type AdvancedPanel = (typeof advancedPanels)[number];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}` },
});

interface AdvancedSectionProps {
  control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput>;
  open: AdvancedPanel[];
  onToggle: (open: AdvancedPanel[]) => void;
}

/** Settings most workstreams keep as they are, each in a panel of its own. */
export function AdvancedSection({ control, open, onToggle }: AdvancedSectionProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const panel = (value: AdvancedPanel, content: ReactNode) => (
    <AccordionItem value={value}>
      <AccordionHeader as="h3" expandIconPosition="end">
        {t(`workstreams.sections.${value}`)}
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>{content}</AccordionPanel>
    </AccordionItem>
  );
  return (
    <FormSection title={t('workstreams.sections.advanced')} intro={t('workstreams.sections.advancedIntro')}>
      <Accordion multiple collapsible openItems={open} onToggle={(_, data) => onToggle(data.openItems as AdvancedPanel[])}>
        {panel(
          'sessions',
          <SelectField
            control={control}
            name="advanced.sessionTemplate"
            label={t('workstreams.fields.sessionTemplate')}
            hint={t('workstreams.fields.sessionTemplateHint')}
            options={sessionTemplates.map((value) => ({ value, label: t(`workstreams.fields.sessionTemplates.${value}`) }))}
          />,
        )}
        {panel(
          'notifications',
          <SelectField
            control={control}
            name="advanced.notificationTemplate"
            label={t('workstreams.fields.notificationTemplate')}
            hint={t('workstreams.fields.notificationTemplateHint')}
            options={notificationTemplates.map((value) => ({ value, label: t(`workstreams.fields.notificationTemplates.${value}`) }))}
          />,
        )}
        {panel('contextVariables', <ContextVariablesField control={control} />)}
        {panel(
          'assist',
          <>
            <SwitchField control={control} name="advanced.smartAssist" label={t('workstreams.fields.smartAssist')} hint={t('workstreams.fields.smartAssistHint')} />
            <SwitchField control={control} name="advanced.quickReplies" label={t('workstreams.fields.quickReplies')} hint={t('workstreams.fields.quickRepliesHint')} />
          </>,
        )}
      </Accordion>
    </FormSection>
  );
}
