import { Body1, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { QueueMember } from '@/api/contract/queue';
import type { User } from '@/api/contract/user';
import { ProblemAlert } from '@/components/problem-alert';
import { PresenceLabel } from '@/components/presence/presence-badge';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { userQueries } from '@/resources/users';
import { FormSection } from './form-section';
import { ListError } from './list-error';
import { MemberPicker } from './member-picker';
import type { QueueForm } from './use-queue-form';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  email: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  error: { gridColumn: '1 / -1', color: tokens.colorPaletteRedForeground1 },
});

/** What a row knows of a member: the user as listed now, or the queue's own copy when the list lacks them. */
type MemberView = Pick<User, 'id' | 'name' | 'email' | 'presence'>;

function memberView(id: string, users: User[] | undefined, known: QueueMember[]): MemberView | null {
  const user = users?.find((u) => u.id === id);
  if (user) return user;
  const member = known.find((m) => m.userId === id);
  return member ? { id, name: member.name, email: member.email, presence: member.presence } : null;
}

/** Members are users: agents and administrators chosen from a searchable list. */
export function MembersSection({ form, knownMembers = [] }: { form: QueueForm; knownMembers?: QueueMember[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const picker = useRef<HTMLDivElement>(null);
  const users = useQuery(userQueries.list());
  const memberIds = useWatch({ control: form.control, name: 'memberIds' });
  const errors = form.formState.errors.memberIds;
  const listError = errors?.root ?? (errors?.message ? errors : undefined);

  const setMembers = (ids: string[]) => {
    // Errors sit at positions in the list; once it changes, they would point at the wrong rows.
    form.clearErrors('memberIds');
    form.setValue('memberIds', ids, { shouldDirty: true });
  };
  const add = (user: User) => setMembers([...memberIds, user.id]);
  const remove = (id: string) => {
    setMembers(memberIds.filter((memberId) => memberId !== id));
    // The pressed button is gone; the search box is where the next step starts.
    picker.current?.querySelector('input')?.focus();
  };

  const candidates = (users.data?.items ?? []).filter((user) => !memberIds.includes(user.id));

  return (
    <FormSection title={t('queues.form.members')} intro={t('queues.form.membersIntro')}>
      <ListError text={errorText(listError)} />
      {memberIds.length === 0 ? (
        <Body1>{t('queues.form.noMembers')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('queues.form.members')}>
          {memberIds.map((id, index) => {
            const member = memberView(id, users.data?.items, knownMembers);
            const name = member?.name ?? t('queues.form.unknownUser');
            const error = errorText(errors?.[index]);
            return (
              <li key={id} className={styles.row}>
                <span className={styles.who}>
                  <Text weight="semibold">{name}</Text>
                  {member && <span className={styles.email}>{member.email}</span>}
                </span>
                {member ? <PresenceLabel presence={member.presence} /> : <span />}
                <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('queues.form.removeMember', { name })} onClick={() => remove(id)} />
                {error && (
                  <Text role="alert" className={styles.error}>
                    {error}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div ref={picker}>
        {users.isPending ? (
          <Spinner size="tiny" label={t('queues.form.loadingUsers')} />
        ) : users.error ? (
          <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <MemberPicker candidates={candidates} onPick={add} hint={t('queues.form.addMemberHint')} />
        )}
      </div>
    </FormSection>
  );
}
