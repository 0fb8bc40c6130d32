import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { notificationTemplates } from '@/api/contract/workstream';
import { ContextVariablesField } from './context-variables-field';
import { SelectField } from './controlled-fields';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { FormSection } from './form-section';
import { QuickRepliesField } from './quick-replies-field';

export const advancedPanels = ['notifications', 'contextVariables', 'quickReplies'] as const;
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
          'notifications',
          <SelectField
            control={control}
            name="advanced.notificationTemplate"
            label={t('workstreams.fields.notificationTemplate')}
            // Each choice explained, so the privacy difference is clear before choosing.
            hint={[t('workstreams.fields.notificationTemplateHint'), ...notificationTemplates.map((value) => t(`workstreams.fields.notificationTemplateHints.${value}`))].join(' ')}
            options={notificationTemplates.map((value) => ({ value, label: t(`workstreams.fields.notificationTemplates.${value}`) }))}
          />,
        )}
        {panel('contextVariables', <ContextVariablesField control={control} />)}
        {panel('quickReplies', <QuickRepliesField control={control} />)}
      </Accordion>
    </FormSection>
  );
}
