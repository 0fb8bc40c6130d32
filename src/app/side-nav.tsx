import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useSessionUser } from '@/features/auth/components/gate/use-session-user';

const useStyles = makeStyles({
  nav: {
    gridArea: 'nav',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalM} 0`,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  group: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    textTransform: 'uppercase',
  },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    borderLeft: '3px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  nested: { paddingLeft: tokens.spacingHorizontalXXL },
  active: {
    fontWeight: tokens.fontWeightSemibold,
    borderLeftColor: tokens.colorBrandForeground1,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
});

/** Administrators see every page; agents only what they work in (the server refuses them the rest anyway). */
export function SideNav() {
  const styles = useStyles();
  const { t } = useTranslation();
  const isAdmin = useSessionUser()?.role === 'admin';
  const linkClass = (nested: boolean) => ({ isActive }: { isActive: boolean }) =>
    mergeClasses(styles.link, nested && styles.nested, isActive && styles.active);
  const link = (to: string, label: string) => (
    <li>
      <NavLink to={to} className={linkClass(false)}>
        {label}
      </NavLink>
    </li>
  );

  return (
    <nav aria-label={t('app.mainNavigation')} className={styles.nav}>
      <ul className={styles.list}>
        {isAdmin && (
          <>
            <li>
              <div id="nav-channels" className={styles.group}>
                {t('nav.channels')}
              </div>
              <ul className={styles.list} aria-labelledby="nav-channels">
                <li>
                  <NavLink to={paths.accounts} className={linkClass(true)}>
                    {t('nav.accounts')}
                  </NavLink>
                </li>
              </ul>
            </li>
            {link(paths.workstreams, t('nav.workstreams'))}
            {link(paths.queues, t('nav.queues'))}
            {link(paths.queueOverview, t('nav.queueOverview'))}
          </>
        )}
        {link(paths.conversations, t('nav.conversations'))}
        {isAdmin && (
          <>
            {link(paths.users, t('auth.nav.users'))}
            {link(paths.auditLog, t('auth.nav.auditLog'))}
          </>
        )}
      </ul>
    </nav>
  );
}
