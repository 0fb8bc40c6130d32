import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { PersonAddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useDocumentTitle } from '@/components/use-document-title';
import { sessionQueries } from '@/resources/session';
import { userQueries } from '@/resources/users';
import { RemoveUserDialog } from './remove-user-dialog';
import { UserDialog } from './user-dialog';
import { UsersTable } from './users-table';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
});

/** Which dialog is open: adding, or editing a user by id (so it shows them as last fetched). */
type Editing = { mode: 'add' } | { mode: 'edit'; id: string };

export function UsersPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const users = useQuery(userQueries.list());
  const session = useQuery(sessionQueries.current());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = users.data?.items;
  const currentUserId = session.data?.user.id;
  const editedUser = editing?.mode === 'edit' ? items?.find((u) => u.id === editing.id) : undefined;
  const removing = items?.find((u) => u.id === removingId) ?? null;
  useDocumentTitle(t('users.title'));

  const open = (next: Editing) => {
    setFormKey((key) => key + 1);
    setEditing(next);
  };
  const closeDialog = (saved: User | null) => {
    if (saved) notify(editing?.mode === 'add' ? t('users.created', { name: saved.name }) : t('users.saved', { name: saved.name }));
    setEditing(null);
  };

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div>
          <h1 className={styles.heading} ref={headingRef} tabIndex={-1}>
            {t('users.title')}
          </h1>
          <Body1 as="p" className={styles.intro}>
            {t('users.intro')}
          </Body1>
        </div>
        <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => open({ mode: 'add' })}>
          {t('users.addUser')}
        </Button>
      </div>
      {users.isPending && <Spinner label={t('common.loading')} />}
      {users.isError && !items && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
      {items && (
        <UsersTable
          users={items}
          currentUserId={currentUserId}
          onEdit={(user) => open({ mode: 'edit', id: user.id })}
          onRemove={(user) => setRemovingId(user.id)}
        />
      )}
      <UserDialog
        open={editing !== null}
        formKey={formKey}
        user={editedUser}
        isSelf={editedUser !== undefined && editedUser.id === currentUserId}
        onClose={closeDialog}
      />
      <RemoveUserDialog user={removing} onClose={() => setRemovingId(null)} onRemoved={() => headingRef.current?.focus()} />
    </div>
  );
}
