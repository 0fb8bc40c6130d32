import { Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PresenceDot } from '@/components/presence/presence-badge';
import { useNotify } from '@/components/toast';
import { useProblemText } from '@/components/use-problem-text';
import { presences, type Presence } from '@/domain/work-distribution/presence';
import { usePresenceLiveUpdates, useSetPresence } from '@/resources/presence';
import type { SessionUser } from '@/api/contract/session';
import { useSessionUser } from '../gate/use-session-user';

const isPresence = (value: string | undefined): value is Presence => (presences as readonly (string | undefined)[]).includes(value);

/** The signed-in user's own presence in the header: what routing uses to send them conversations. */
export function PresenceMenu() {
  const user = useSessionUser();
  if (!user) return null;
  return <PresenceMenuFor user={user} />;
}

function PresenceMenuFor({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const problemText = useProblemText();
  const setPresence = useSetPresence();
  usePresenceLiveUpdates(user.id);
  const current = user.presence;

  const choose = (presence: Presence) => {
    if (presence === current) return;
    setPresence.mutate(presence, {
      onSuccess: () => notify(t('auth.presence.changed', { presence: t(`presence.${presence}`) })),
      onError: (error) => notify(t('auth.presence.failed', { reason: problemText(error) }), 'error'),
    });
  };

  return (
    <Menu
      checkedValues={{ presence: [current] }}
      onCheckedValueChange={(_, data) => {
        const [chosen] = data.checkedItems;
        if (isPresence(chosen)) choose(chosen);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          appearance="secondary"
          size="small"
          icon={<PresenceDot presence={current} />}
          aria-label={t('auth.presence.label', { presence: t(`presence.${current}`) })}
        >
          {t(`presence.${current}`)}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {presences.map((presence) => (
            <MenuItemRadio key={presence} name="presence" value={presence} icon={<PresenceDot presence={presence} />} disabled={setPresence.isPending}>
              {t(`presence.${presence}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
