import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { AlertRegular, KeyRegular, PersonRegular, SignOutRegular } from '@fluentui/react-icons';
import { useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/components/toast';
import { useProblemText } from '@/components/use-problem-text';
import { useSignOut } from '@/resources/session';
import { useSessionUser } from '../gate/use-session-user';
import { ChangePasswordDialog } from './change-password-dialog';

interface UserMenuProps {
  /** The app's notification settings, offered as a menu item when given; opened and closed here. */
  NotificationSettings?: ComponentType<{ open: boolean; onClose: () => void }>;
}

/** The signed-in user's name in the header, opening what they can do with their own account. */
export function UserMenu({ NotificationSettings }: UserMenuProps = {}) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const notify = useNotify();
  const problemText = useProblemText();
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  const [settingNotifications, setSettingNotifications] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  if (!user) return null;

  const closeDialog = () => {
    setChangingPassword(false);
    setSettingNotifications(false);
    // The dialog was opened from a menu item that is gone by now: focus goes back to the menu.
    triggerRef.current?.focus();
  };
  const leave = () =>
    signOut.mutate(undefined, {
      onError: (error) => notify(t('auth.userMenu.signOutFailed', { reason: problemText(error) }), 'error'),
    });

  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton ref={triggerRef} appearance="secondary" size="small" icon={<PersonRegular />} aria-label={t('auth.userMenu.label', { name: user.name })}>
            {user.name}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>{t('auth.userMenu.signedInAs', { email: user.email, role: t(`auth.roles.${user.role}`) })}</MenuGroupHeader>
              {NotificationSettings && (
                <MenuItem icon={<AlertRegular />} onClick={() => setSettingNotifications(true)}>
                  {t('notifications.menuItem')}
                </MenuItem>
              )}
              <MenuItem icon={<KeyRegular />} onClick={() => setChangingPassword(true)}>
                {t('auth.userMenu.changePassword')}
              </MenuItem>
              <MenuItem icon={<SignOutRegular />} onClick={leave} disabled={signOut.isPending}>
                {t('auth.userMenu.signOut')}
              </MenuItem>
            </MenuGroup>
          </MenuList>
        </MenuPopover>
      </Menu>
      <ChangePasswordDialog open={changingPassword} onClose={closeDialog} />
      {NotificationSettings && <NotificationSettings open={settingNotifications} onClose={closeDialog} />}
    </>
  );
}
