import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { emptyMember } from './form-values';
import { FormSection } from './form-section';
import { ListError } from './list-error';
import { useRowStyles } from './row-styles';
import type { QueueForm } from './use-queue-form';

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  add: { alignSelf: 'flex-start' },
});

export function MembersSection({ form }: { form: QueueForm }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const errorText = useFieldErrorText();
  const addButton = useRef<HTMLButtonElement>(null);
  const { control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'members' });
  const listError = formState.errors.members;

  const removeRow = (index: number) => {
    remove(index);
    // The pressed button is gone; without this, focus would fall back to the page.
    addButton.current?.focus();
  };

  return (
    <FormSection title={t('queues.form.members')} intro={t('queues.form.membersIntro')}>
      <ListError text={errorText(listError?.root ?? (listError?.message ? listError : undefined))} />
      <div className={rowStyles.rows}>
        {fields.length === 0 && <Body1>{t('queues.form.noMembers')}</Body1>}
        {fields.map((field, index) => (
          <fieldset key={field.id} className={rowStyles.row}>
            <legend className={rowStyles.legend}>{t('queues.form.member', { index: index + 1 })}</legend>
            <div className={styles.fields}>
              <FormTextField control={control} name={`members.${index}.name`} label={t('queues.form.memberName')} autoComplete="off" />
              <FormTextField control={control} name={`members.${index}.email`} label={t('queues.form.memberEmail')} autoComplete="off" />
              <Button
                className={rowStyles.remove}
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t('queues.form.removeMember', { index: index + 1 })}
                onClick={() => removeRow(index)}
              />
            </div>
          </fieldset>
        ))}
      </div>
      <Button ref={addButton} className={styles.add} icon={<AddRegular />} onClick={() => append(emptyMember())}>
        {t('queues.form.addMember')}
      </Button>
    </FormSection>
  );
}
