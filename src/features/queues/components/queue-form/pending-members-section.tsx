import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingMember, Queue } from '@/api/contract/queue';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { useUpdateQueue } from '@/resources/queues';
import { FormSection } from './form-section';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  email: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

interface PendingMembersSectionProps {
  queue: Queue;
  /** With the queue as the server answered after a removal (its new version). */
  onUpdated: (queue: Queue) => void;
}

/**
 * Members from before members were users, whose e-mail no user has. Inviting one opens
 * Add user filled in (the new user becomes a member); removing one saves at once, after asking.
 */
export function PendingMembersSection({ queue, onUpdated }: PendingMembersSectionProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const update = useUpdateQueue(queue.id);
  const [removing, setRemoving] = useState<PendingMember | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (queue.pendingMembers.length === 0) return null;

  const confirmRemove = async () => {
    if (!removing) return;
    setFailure(null);
    try {
      const keep = queue.pendingMembers.filter((member) => member.email !== removing.email).map((member) => member.email);
      const updated = await update.mutateAsync({ version: queue.version, pendingMembers: keep });
      notify(t('queues.pending.removed', { name: removing.name }));
      onUpdated(updated);
    } catch (error) {
      setFailure(error);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <FormSection title={t('queues.pending.title')} intro={t('queues.pending.intro')}>
      {failure != null && <ProblemAlert error={failure} />}
      <ul className={styles.list} aria-label={t('queues.pending.title')}>
        {queue.pendingMembers.map((member) => (
          <li key={member.email} className={styles.row}>
            <span className={styles.who}>
              <Text weight="semibold">{member.name}</Text>
              <span className={styles.email}>{member.email}</span>
            </span>
            <Text>{t('queues.pending.notAUser')}</Text>
            <LinkButton to={paths.inviteUser(member.name, member.email)} icon={<PersonAddRegular />} aria-label={t('queues.pending.inviteLabel', { name: member.name })}>
              {t('queues.pending.invite')}
            </LinkButton>
            <Button icon={<DeleteRegular />} aria-label={t('queues.pending.removeLabel', { name: member.name })} onClick={() => setRemoving(member)}>
              {t('common.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={t('queues.pending.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        busyLabel={t('queues.pending.removing')}
        busy={update.isPending}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        {t('queues.pending.removeBody', { name: removing?.name ?? '', email: removing?.email ?? '' })}
      </ConfirmDialog>
    </FormSection>
  );
}
