import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { ResourceTable } from '@/components/list-page/resource-table';
import { RowActions } from '@/components/list-page/row-actions';
import { PresenceLabel } from '@/components/presence/presence-badge';
import { useFormatDateTime } from '@/components/use-format-date-time';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  you: { marginLeft: tokens.spacingHorizontalS },
  never: { color: tokens.colorNeutralForeground2 },
  skills: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

interface UsersTableProps {
  users: User[];
  /** The signed-in user, who cannot remove themselves. */
  currentUserId: string | undefined;
  onEdit: (user: User) => void;
  onRemove: (user: User) => void;
}

export function UsersTable({ users, currentUserId, onEdit, onRemove }: UsersTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  return (
    <ResourceTable
      label={t('users.list')}
      items={users}
      cellClassName={styles.cell}
      columns={[
        {
          id: 'name',
          header: t('users.columns.name'),
          className: styles.name,
          name: (user) => user.name,
          cell: (user) => (
            <>
              {user.name}
              {user.id === currentUserId && (
                <Badge className={styles.you} appearance="tint" color="brand">
                  {t('users.you')}
                </Badge>
              )}
            </>
          ),
        },
        { id: 'email', header: t('users.columns.email'), cell: (user) => user.email },
        { id: 'role', header: t('users.columns.role'), cell: (user) => t(`users.roles.${user.role}`) },
        { id: 'presence', header: t('users.columns.presence'), cell: (user) => <PresenceLabel presence={user.presence} /> },
        { id: 'capacity', header: t('users.columns.capacity'), width: '100px', cell: (user) => t('users.capacityUnits', { count: user.capacity }) },
        {
          id: 'skills',
          header: t('users.columns.skills'),
          cell: (user) =>
            user.skills.length === 0 ? (
              <span className={styles.never}>{t('users.noSkills')}</span>
            ) : (
              <ul className={styles.skills}>
                {user.skills.map((skill) => (
                  <li key={skill.name}>
                    <Badge appearance="outline" color="informative">
                      {t('users.skillWithLevel', { name: skill.name, level: skill.level })}
                    </Badge>
                  </li>
                ))}
              </ul>
            ),
        },
        {
          id: 'lastSignIn',
          header: t('users.columns.lastSignIn'),
          cell: (user) =>
            user.lastSignInAt ? (
              <time dateTime={user.lastSignInAt}>{formatDateTime(user.lastSignInAt)}</time>
            ) : (
              <span className={styles.never}>{t('users.neverSignedIn')}</span>
            ),
        },
        {
          id: 'actions',
          header: t('users.columns.actions'),
          width: '220px',
          cell: (user) => (
            <RowActions
              actions={[
                { text: t('common.edit'), label: t('users.editUser', { name: user.name }), icon: <EditRegular />, onClick: () => onEdit(user) },
                {
                  text: t('common.remove'),
                  label: t('users.removeUser', { name: user.name }),
                  icon: <DeleteRegular />,
                  onClick: () => onRemove(user),
                  unavailableReason: user.id === currentUserId ? t('users.cannotRemoveSelf') : undefined,
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
