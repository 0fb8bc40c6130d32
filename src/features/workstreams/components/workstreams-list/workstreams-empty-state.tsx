import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, FlowchartRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    textAlign: 'center',
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  body: { maxWidth: '52ch', color: tokens.colorNeutralForeground2 },
});

export function WorkstreamsEmptyState() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="workstreams-empty-title">
      <FlowchartRegular className={styles.icon} aria-hidden />
      <Subtitle1 as="h2" id="workstreams-empty-title">
        {t('workstreams.emptyTitle')}
      </Subtitle1>
      <Body1 as="p" className={styles.body}>
        {t('workstreams.emptyBody')}
      </Body1>
      <LinkButton to={paths.newWorkstream} appearance="primary" icon={<AddRegular />}>
        {t('workstreams.newWorkstream')}
      </LinkButton>
    </section>
  );
}
