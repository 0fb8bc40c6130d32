import { Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate, TemplateCreate } from '@/api/contract/message-template';
import { problemTypes } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormDialog, FormDialogForm } from '@/components/form/form-dialog';
import { FormField } from '@/components/form/form-field';
import { FormTextField } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { withoutWhitespace } from '@/domain/pasted-text';
import { useCreateTemplate, useUpdateTemplate } from '@/resources/templates';
import { templateQueries } from '@/resources/templates';
import { useResourceCache } from '@/resources/use-resource-cache';
import { BodyField } from './body-field';
import { CategoryField, StatusFields } from './choice-fields';
import { ExampleFields } from './example-fields';
import { LanguageField } from './language-field';
import { TemplatePreview } from './template-preview';
import { formValuesOf, ownsField, templateFormFields, templateFormResolver, type TemplateFormValues } from './template-form-values';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(1040px, calc(100vw - 32px))', width: '100%' },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  aside: { position: 'sticky', top: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface TemplateEditorDialogProps {
  open: boolean;
  /** A new value per opening: the form inside starts afresh. */
  formKey: number;
  accountId: string;
  /** The template to edit; absent to create one from `prefill`. */
  template: MessageTemplate | undefined;
  /** Starting values of a new template, e.g. the name and category of a translation. */
  prefill?: Partial<MessageTemplate>;
  /** With the saved template, or null when closed without saving. */
  onClose: (saved: MessageTemplate | null) => void;
}

/** Creates or edits a template; a failed save keeps the dialog open with everything typed. */
export function TemplateEditorDialog({ open, formKey, accountId, template, prefill, onClose }: TemplateEditorDialogProps) {
  const styles = useStyles();
  const create = useCreateTemplate(accountId);
  const update = useUpdateTemplate(accountId);
  const saving = create.isPending || update.isPending;
  return (
    <FormDialog open={open} busy={saving} onDismiss={() => onClose(null)} surfaceClassName={styles.surface}>
      <TemplateForm key={formKey} accountId={accountId} template={template} prefill={prefill} onClose={onClose} create={create} update={update} />
    </FormDialog>
  );
}

interface TemplateFormProps extends Omit<TemplateEditorDialogProps, 'open' | 'formKey'> {
  create: ReturnType<typeof useCreateTemplate>;
  update: ReturnType<typeof useUpdateTemplate>;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function TemplateForm({ accountId, template: opened, prefill, onClose, create, update }: TemplateFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const cache = useResourceCache();
  const [failure, setFailure] = useState<unknown>(null);
  // The version this form edits; a reload after a version conflict moves it on.
  const [template, setTemplate] = useState(opened);
  const form = useForm<TemplateFormValues, unknown, TemplateCreate>({
    resolver: templateFormResolver,
    mode: 'onTouched',
    defaultValues: formValuesOf(opened ?? prefill ?? {}),
  });
  const saving = create.isPending || update.isPending;
  const { isDirty } = form.formState;

  const save = form.handleSubmit(async (values) => {
    if (saving) return;
    setFailure(null);
    try {
      const saved = template
        ? await update.mutateAsync({ templateId: template.id, input: { version: template.version, ...values } })
        : await create.mutateAsync(values);
      onClose(saved);
    } catch (error) {
      if (!placeServerErrors(error, form.setError, ownsField)) setFailure(error);
    }
  });

  // After a version conflict: the template as it is now, with what was changed here kept on top.
  const reload = async () => {
    if (!template) return;
    try {
      const fresh = await cache.fetchFresh(templateQueries.list(accountId));
      const current = fresh.items.find((item) => item.id === template.id);
      if (!current) {
        setFailure(new ApiError({ type: problemTypes.notFound, title: 'Not found', status: 404 }));
        return;
      }
      const typed = form.getValues();
      const before = formValuesOf(template);
      const after = formValuesOf(current);
      form.reset(after);
      for (const key of templateFormFields) {
        if (!sameValue(typed[key], before[key])) form.setValue(key, typed[key], { shouldDirty: true });
      }
      setTemplate(current);
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  const title = template
    ? t('templates.editor.editTitle', { name: template.name })
    : prefill?.name
      ? t('templates.editor.translateTitle', { name: prefill.name })
      : t('templates.editor.newTitle');

  return (
    <FormDialogForm
      title={title}
      onSubmit={save}
      busy={saving}
      submitLabel={t('common.save')}
      busyLabel={t('common.saving')}
      onCancel={() => onClose(null)}
      askBeforeDiscard={isDirty && { title: t('templates.editor.discardTitle'), body: t('templates.editor.discardBody') }}
    >
      <div className={styles.layout}>
        <div className={styles.fields}>
          {failure != null && <ProblemAlert error={failure} onRetry={() => void save()} onReload={() => void reload()} />}
          <FormTextField control={form.control} name="name" label={t('templates.fields.name')} hint={t('templates.fields.nameHint')} code />
          <LanguageField control={form.control} />
          <CategoryField control={form.control} />
          <BodyField control={form.control} />
          <ExampleFields control={form.control} />
          <FormField control={form.control} name="contentSid" label={t('templates.fields.contentSid')} hint={t('templates.fields.contentSidHint')}>
            {(field) => (
              <Input
                ref={field.ref}
                name={field.name}
                value={field.value}
                onChange={(_, data) => field.onChange(withoutWhitespace(data.value))}
                onBlur={field.onBlur}
                autoComplete="off"
                spellCheck={false}
                input={{ className: styles.code }}
              />
            )}
          </FormField>
          <StatusFields control={form.control} />
        </div>
        <div className={styles.aside}>
          <TemplatePreview control={form.control} />
        </div>
      </div>
    </FormDialogForm>
  );
}
