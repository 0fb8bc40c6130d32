import { Caption1, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { roles } from '@/api/contract/session';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import type { UserFormOutput, UserFormValues } from './user-form-values';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column' },
  explanation: { color: tokens.colorNeutralForeground2 },
});

interface RoleFieldProps {
  control: Control<UserFormValues, unknown, UserFormOutput>;
  /** Why the role cannot be changed here (the user's own), or undefined when it can. */
  fixedReason?: string;
}

/** Administrator or agent, each with what the role may do. */
export function RoleField({ control, fixedReason }: RoleFieldProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <FormField control={control} name="role" label={requiredLabel(t('users.form.role'))} hint={fixedReason}>
      {(field) => (
        <RadioGroup
          ref={field.ref}
          name={field.name}
          value={field.value}
          disabled={fixedReason !== undefined}
          onChange={(_, data) => field.onChange(data.value)}
          onBlur={field.onBlur}
        >
          {roles.map((role) => (
            <Radio
              key={role}
              value={role}
              label={
                <span className={styles.option}>
                  <span>{t(`users.roles.${role}`)}</span>
                  <Caption1 className={styles.explanation}>{t(`users.roleHints.${role}`)}</Caption1>
                </span>
              }
            />
          ))}
        </RadioGroup>
      )}
    </FormField>
  );
}
