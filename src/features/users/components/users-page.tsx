import { PersonAddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { ListPage } from '@/components/list-page/list-page';
import { useNotify } from '@/components/toast';
import { sessionQueries } from '@/resources/session';
import { userQueries } from '@/resources/users';
import { RemoveUserDialog } from './remove-user-dialog';
import { UserDialog } from './user-dialog';
import { UsersTable } from './users-table';

/** Which dialog is open: adding, or editing a user by id (so it shows them as last fetched). */
type Editing = { mode: 'add'; invite?: { name: string; email: string } } | { mode: 'edit'; id: string };

function inviteFrom(params: URLSearchParams): Editing | null {
  const email = params.get('invite');
  return email === null ? null : { mode: 'add', invite: { name: params.get('name') ?? '', email } };
}

export function UsersPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const users = useQuery(userQueries.list());
  const session = useQuery(sessionQueries.current());
  // A queue's "Invite" links here with the person it waits for: Add user opens filled in.
  const [searchParams, setSearchParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing | null>(() => inviteFrom(searchParams));
  const [formKey, setFormKey] = useState(0);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Once opened, the invitation leaves the address, so that a refresh does not open it again.
  const invited = searchParams.has('invite');
  useEffect(() => {
    if (invited) setSearchParams({}, { replace: true });
  }, [invited, setSearchParams]);
  const items = users.data?.items;
  const currentUserId = session.data?.user?.id;
  const editedUser = editing?.mode === 'edit' ? items?.find((u) => u.id === editing.id) : undefined;
  const removing = items?.find((u) => u.id === removingId) ?? null;

  const open = (next: Editing) => {
    setFormKey((key) => key + 1);
    setEditing(next);
  };

  const closeDialog = (saved: User | null) => {
    if (saved) notify(editing?.mode === 'add' ? t('users.created', { name: saved.name }) : t('users.saved', { name: saved.name }));
    setEditing(null);
  };

  return (
    <>
      <ListPage
        title={t('users.title')}
        intro={t('users.intro')}
        headingRef={headingRef}
        create={{ label: t('users.addUser'), icon: <PersonAddRegular />, onClick: () => open({ mode: 'add' }) }}
        items={items}
        error={users.error}
        onRetry={() => void users.refetch()}
      >
        {(loaded) => (
          <UsersTable
            users={loaded}
            currentUserId={currentUserId}
            onEdit={(user) => open({ mode: 'edit', id: user.id })}
            onRemove={(user) => setRemovingId(user.id)}
          />
        )}
      </ListPage>
      <UserDialog
        open={editing !== null}
        formKey={formKey}
        user={editedUser}
        isSelf={editedUser !== undefined && editedUser.id === currentUserId}
        invite={editing?.mode === 'add' ? editing.invite : undefined}
        onClose={closeDialog}
      />
      <RemoveUserDialog user={removing} onClose={() => setRemovingId(null)} onRemoved={() => headingRef.current?.focus()} />
    </>
  );
}
