import {
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate } from '@/api/contract/message-template';
import type { TemplateGroup } from '@/features/templates/template-groups';
import { StatusBadge } from './status-badge';
import { useLanguageNames } from './use-language-names';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  name: { margin: 0, fontFamily: tokens.fontFamilyMonospace },
  table: { minWidth: 0 },
  body: { display: 'block', color: tokens.colorNeutralForeground2, maxWidth: '48ch', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  reason: { display: 'block', color: tokens.colorPaletteRedForeground1, marginTop: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface TemplateGroupCardProps {
  group: TemplateGroup;
  onEdit: (template: MessageTemplate) => void;
  onDelete: (template: MessageTemplate) => void;
  onTranslate: (group: TemplateGroup) => void;
}

/** One template name with its language variants, and the languages it still lacks. */
export function TemplateGroupCard({ group, onEdit, onDelete, onTranslate }: TemplateGroupCardProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { nameOf, ui } = useLanguageNames();
  const headingId = useId();
  const missingNames = group.missing.map(nameOf);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.name}>
        {group.name}
      </Subtitle2>
      <Table className={styles.table} aria-labelledby={headingId} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('templates.columns.language')}</TableHeaderCell>
            <TableHeaderCell>{t('templates.columns.category')}</TableHeaderCell>
            <TableHeaderCell>{t('templates.columns.status')}</TableHeaderCell>
            <TableHeaderCell>{t('templates.columns.text')}</TableHeaderCell>
            <TableHeaderCell>{t('templates.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {group.variants.map((template) => {
            const language = nameOf(template.language);
            const label = { name: template.name, language };
            return (
              <TableRow key={template.id}>
                <TableCell>{language}</TableCell>
                <TableCell>{t(`templates.categories.${template.category}`)}</TableCell>
                <TableCell>
                  <StatusBadge status={template.status} />
                  {template.status === 'rejected' && template.rejectionReason && (
                    <Caption1 className={styles.reason}>{t('templates.rejectedBecause', { reason: template.rejectionReason })}</Caption1>
                  )}
                </TableCell>
                <TableCell>
                  <Text className={styles.body} title={template.body}>
                    {template.body}
                  </Text>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" icon={<EditRegular />} aria-label={t('templates.editVariant', label)} onClick={() => onEdit(template)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="small" icon={<DeleteRegular />} aria-label={t('templates.deleteVariant', label)} onClick={() => onDelete(template)}>
                      {t('common.delete')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div className={styles.footer}>
        {missingNames.length > 0 && (
          <Text className={styles.missing}>{t('templates.missing', { languages: new Intl.ListFormat(ui, { type: 'conjunction' }).format(missingNames) })}</Text>
        )}
        <Button size="small" icon={<AddRegular />} aria-label={t('templates.addTranslationOf', { name: group.name })} onClick={() => onTranslate(group)}>
          {t('templates.addTranslation')}
        </Button>
      </div>
    </section>
  );
}
