import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, PhoneChatRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** Twilio's sandbox number in one click, for people who are only trying the product out. */
export function SandboxOffer({ added, onUse }: { added: boolean; onUse: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const bodyId = useId();
  const addedId = useId();
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3">{t('numbers.sandboxTitle')}</Subtitle2>
      <Body1 id={bodyId}>{t('numbers.sandboxBody')}</Body1>
      <Button
        icon={added ? <CheckmarkRegular /> : <PhoneChatRegular />}
        disabledFocusable={added}
        aria-describedby={added ? `${bodyId} ${addedId}` : bodyId}
        onClick={added ? undefined : onUse}
      >
        {t('numbers.useSandbox')}
      </Button>
      {added && <Caption1 id={addedId}>{t('numbers.sandboxAdded')}</Caption1>}
    </div>
  );
}
