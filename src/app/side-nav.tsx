import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';

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

export function SideNav() {
  const styles = useStyles();
  const { t } = useTranslation();
  const linkClass = (nested: boolean) => ({ isActive }: { isActive: boolean }) =>
    mergeClasses(styles.link, nested && styles.nested, isActive && styles.active);

  return (
    <nav aria-label={t('app.mainNavigation')} className={styles.nav}>
      <ul className={styles.list}>
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
        <li>
          <NavLink to={paths.workstreams} className={linkClass(false)}>
            {t('nav.workstreams')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.queues} className={linkClass(false)}>
            {t('nav.queues')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.conversations} className={linkClass(false)}>
            {t('nav.conversations')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
