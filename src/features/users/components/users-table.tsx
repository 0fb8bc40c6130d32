import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { useFormatDateTime } from '@/components/use-format-date-time';

const useStyles = makeStyles({
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  never: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  actionsColumn: { width: '220px' },
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
    <Table aria-label={t('users.list')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('users.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('users.columns.email')}</TableHeaderCell>
          <TableHeaderCell>{t('users.columns.role')}</TableHeaderCell>
          <TableHeaderCell>{t('users.columns.lastSignIn')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>{t('users.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const isSelf = user.id === currentUserId;
          const remove = (
            <Button
              size="small"
              icon={<DeleteRegular />}
              aria-label={t('users.removeUser', { name: user.name })}
              disabledFocusable={isSelf}
              onClick={() => onRemove(user)}
            >
              {t('common.remove')}
            </Button>
          );
          return (
            <TableRow key={user.id}>
              <TableCell className={styles.cell}>
                <span className={styles.name}>
                  {user.name}
                  {isSelf && (
                    <Badge appearance="tint" color="brand">
                      {t('users.you')}
                    </Badge>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>{user.email}</TableCell>
              <TableCell className={styles.cell}>{t(`users.roles.${user.role}`)}</TableCell>
              <TableCell className={styles.cell}>
                {user.lastSignInAt ? (
                  <time dateTime={user.lastSignInAt}>{formatDateTime(user.lastSignInAt)}</time>
                ) : (
                  <span className={styles.never}>{t('users.neverSignedIn')}</span>
                )}
              </TableCell>
              <TableCell className={styles.cell}>
                <div className={styles.actions}>
                  <Button size="small" icon={<EditRegular />} aria-label={t('users.editUser', { name: user.name })} onClick={() => onEdit(user)}>
                    {t('common.edit')}
                  </Button>
                  {isSelf ? (
                    <Tooltip content={t('users.cannotRemoveSelf')} relationship="description">
                      {remove}
                    </Tooltip>
                  ) : (
                    remove
                  )}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
