import { Checkbox, Field } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { problemTypes } from '@/api/contract/problem';
import type { User } from '@/api/contract/user';
import { ApiError } from '@/api/problem';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormDialog, FormDialogForm } from '@/components/form/form-dialog';
import { FormNumberField } from '@/components/form/form-number-field';
import { FormTextField, requiredLabel } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { MAX_USER_CAPACITY } from '@/domain/work-distribution/capacity';
import { useCreateUser, useUpdateUser, userQueries } from '@/resources/users';
import { useResourceCache } from '@/resources/use-resource-cache';
import { RoleField } from './role-field';
import { SkillsField } from './skills-field';
import {
  newUserValues,
  ownsField,
  userChanges,
  userFormSchema,
  userValues,
  type UserFormOutput,
  type UserFormValues,
} from './user-form-values';

/** A guard said no (the last administrator, oneself): trying again would not help. */
const isRefusal = (error: unknown) => error instanceof ApiError && error.status === 409 && error.fieldErrors.length > 0;

export interface UserDialogProps {
  open: boolean;
  /** A new value per opening: the form inside starts afresh. */
  formKey: number;
  /** The user to edit; absent to add one. */
  user: User | undefined;
  /** Whether `user` is the one signed in, who keeps their administrator role. */
  isSelf: boolean;
  /** With the saved user, or null when closed without a change. */
  onClose: (saved: User | null) => void;
  /** Fills in a new user's name and e-mail (someone a queue is waiting for). */
  invite?: { name: string; email: string };
}

/** Adds a user or edits one; a failed save keeps the dialog open with everything typed. */
export function UserDialog({ open, formKey, user, isSelf, onClose, invite }: UserDialogProps) {
  const create = useCreateUser();
  const update = useUpdateUser();
  const saving = create.isPending || update.isPending;
  return (
    <FormDialog open={open} busy={saving} onDismiss={() => onClose(null)}>
      <UserForm key={formKey} user={user} isSelf={isSelf} onClose={onClose} invite={invite} create={create} update={update} />
    </FormDialog>
  );
}

interface UserFormProps extends Omit<UserDialogProps, 'open' | 'formKey'> {
  create: ReturnType<typeof useCreateUser>;
  update: ReturnType<typeof useUpdateUser>;
}

function UserForm({ user: opened, isSelf, onClose, invite, create, update }: UserFormProps) {
  const { t } = useTranslation();
  const cache = useResourceCache();
  const [failure, setFailure] = useState<unknown>(null);
  // The version this form edits; a reload after a version conflict moves it on.
  const [user, setUser] = useState(opened);
  const form = useForm<UserFormValues, unknown, UserFormOutput>({
    resolver: zodResolver(userFormSchema),
    mode: 'onTouched',
    defaultValues: opened ? userValues(opened) : newUserValues(invite),
  });
  const setPassword = useWatch({ control: form.control, name: 'setPassword' });
  const saving = create.isPending || update.isPending;

  const save = form.handleSubmit(async (values) => {
    if (saving) return;
    setFailure(null);
    try {
      if (user) {
        const changes = userChanges(user, values);
        if (!changes) {
          onClose(null);
          return;
        }
        const saved = await update.mutateAsync({ id: user.id, input: { version: user.version, ...changes } });
        // The request may have held a password; the mutation should not keep it for anyone to read.
        update.reset();
        onClose(saved);
      } else {
        const { name, email, role, password, capacity, skills } = values;
        const saved = await create.mutateAsync({ name, email, role, password, capacity, skills });
        create.reset();
        onClose(saved);
      }
    } catch (error) {
      if (!placeServerErrors(error, form.setError, ownsField)) setFailure(error);
    }
  });

  // After a version conflict: the user as they are now, with what was changed here kept on top.
  const reload = async () => {
    if (!user) return;
    try {
      const fresh = await cache.fetchFresh(userQueries.list());
      const current = fresh.items.find((item) => item.id === user.id);
      if (!current) {
        setFailure(new ApiError({ type: problemTypes.notFound, title: 'Not found', status: 404 }));
        return;
      }
      const typed = form.getValues();
      const before = userValues(user);
      form.reset(userValues(current), { keepErrors: true });
      for (const key of ['name', 'email', 'role', 'capacity', 'setPassword', 'password'] as const) {
        if (typed[key] !== before[key]) form.setValue(key, typed[key], { shouldDirty: true });
      }
      if (JSON.stringify(typed.skills) !== JSON.stringify(before.skills)) form.setValue('skills', typed.skills, { shouldDirty: true });
      setUser(current);
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  const togglePassword = (checked: boolean) => {
    flushSync(() => {
      form.setValue('setPassword', checked, { shouldDirty: true });
      if (!checked) form.resetField('password');
    });
    if (checked) form.setFocus('password');
  };

  const secret = { showLabel: t('users.form.showPassword'), hideLabel: t('users.form.hidePassword') };

  return (
    <FormDialogForm
      title={user ? t('users.form.editTitle', { name: user.name }) : t('users.form.addTitle')}
      onSubmit={save}
      busy={saving}
      submitLabel={user ? t('common.save') : t('users.form.add')}
      busyLabel={user ? t('common.saving') : t('users.form.adding')}
      onCancel={() => onClose(null)}
    >
      {failure != null && (
        <ProblemAlert error={failure} explainFieldErrors onRetry={isRefusal(failure) ? undefined : () => void save()} onReload={() => void reload()} />
      )}
      <FormTextField control={form.control} name="name" label={t('users.form.name')} autoComplete="off" />
      <FormTextField control={form.control} name="email" label={t('users.form.email')} hint={t('users.form.emailHint')} autoComplete="off" />
      <RoleField control={form.control} fixedReason={isSelf ? t('users.form.ownRoleFixed') : undefined} />
      <FormNumberField
        control={form.control}
        name="capacity"
        label={requiredLabel(t('users.form.capacity'))}
        hint={t('users.form.capacityHint')}
        min={1}
        max={MAX_USER_CAPACITY}
        narrow
      />
      <SkillsField control={form.control} errors={form.formState.errors.skills} />
      {user ? (
        <>
          <Controller
            control={form.control}
            name="setPassword"
            render={({ field }) => (
              <Field hint={t('users.form.setPasswordHint', { name: user.name })}>
                <Checkbox
                  ref={field.ref}
                  name={field.name}
                  checked={field.value}
                  onChange={(_, data) => togglePassword(data.checked === true)}
                  label={t('users.form.setPassword')}
                />
              </Field>
            )}
          />
          {setPassword && <FormTextField control={form.control} name="password" label={t('users.form.newPassword')} secret={secret} />}
        </>
      ) : (
        <FormTextField control={form.control} name="password" label={t('users.form.password')} hint={t('users.form.passwordHint')} secret={secret} />
      )}
    </FormDialogForm>
  );
}
