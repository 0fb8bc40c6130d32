import { Body1, Button, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate } from '@/api/contract/message-template';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useDeleteTemplate } from '@/resources/templates';
import { templateQueries } from '@/resources/templates';
import { groupTemplates, type TemplateGroup } from '@/features/templates/template-groups';
import { DeleteTemplateDialog } from './delete-template-dialog';
import { SyncTemplates } from './sync-templates';
import { TemplateEditorDialog } from './template-editor-dialog';
import { TemplateGroupCard } from './template-group-card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '72ch' },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  empty: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: 'center',
  },
});

interface EditorState {
  open: boolean;
  key: number;
  template?: MessageTemplate;
  prefill?: Partial<MessageTemplate>;
}

/** The account's message templates, grouped by name with their languages; for the account's Templates tab. */
export function TemplatesPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const titleId = useId();
  const newButton = useRef<HTMLButtonElement>(null);
  const templates = useQuery(templateQueries.list(accountId));
  const groups = useMemo(() => groupTemplates(templates.data?.items ?? []), [templates.data]);
  const [editor, setEditor] = useState<EditorState>({ open: false, key: 0 });
  const [deleting, setDeleting] = useState<{ open: boolean; template: MessageTemplate | null }>({ open: false, template: null });
  const remove = useDeleteTemplate(accountId);

  const openEditor = (state: Omit<EditorState, 'open' | 'key'>) => setEditor((e) => ({ ...state, open: true, key: e.key + 1 }));
  const closeEditor = (saved: MessageTemplate | null) => {
    setEditor((e) => ({ ...e, open: false }));
    if (saved) notify(t('templates.saved', { name: saved.name }));
  };
  const translate = (group: TemplateGroup) =>
    openEditor({ prefill: { name: group.name, category: group.variants[0]?.category, ...(group.missing[0] ? { language: group.missing[0] } : {}) } });

  const askDelete = (template: MessageTemplate) => {
    remove.reset();
    setDeleting({ open: true, template });
  };
  const confirmDelete = () => {
    if (!deleting.template || remove.isPending) return;
    remove.mutate(deleting.template.id, {
      onSuccess: () => {
        setDeleting((d) => ({ ...d, open: false }));
        notify(t('templates.deleted'));
        // The row and its buttons are gone; focus goes somewhere that stays.
        newButton.current?.focus();
      },
      onError: () => void templates.refetch(),
    });
  };

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.intro}>
          <Subtitle1 as="h2" id={titleId} className={styles.title}>
            {t('templates.title')}
          </Subtitle1>
          <Body1 className={styles.muted}>{t('templates.intro')}</Body1>
        </div>
        <Button ref={newButton} appearance="primary" icon={<AddRegular />} onClick={() => openEditor({})}>
          {t('templates.new')}
        </Button>
      </div>
      <SyncTemplates accountId={accountId} />

      {templates.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : templates.isError && !templates.data ? (
        <ProblemAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : groups.length === 0 ? (
        <div className={styles.empty}>
          <Body1>{t('templates.empty')}</Body1>
        </div>
      ) : (
        <div className={styles.groups} aria-labelledby={titleId} role="list">
          {groups.map((group) => (
            <div role="listitem" key={group.name}>
              <TemplateGroupCard group={group} onEdit={(template) => openEditor({ template })} onDelete={askDelete} onTranslate={translate} />
            </div>
          ))}
        </div>
      )}

      <TemplateEditorDialog
        open={editor.open}
        formKey={editor.key}
        accountId={accountId}
        template={editor.template}
        prefill={editor.prefill}
        onClose={closeEditor}
      />
      <DeleteTemplateDialog
        open={deleting.open}
        template={deleting.template}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting((d) => ({ ...d, open: false }))}
      />
    </div>
  );
}
