import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { QuickReplyItem, QuickReplyPicker } from './use-quick-reply-picker';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '240px',
    overflowY: 'auto',
    margin: 0,
    padding: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  text: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The matching quick replies as a listbox. Focus stays in the box the agent types in, which
 * points at the active option (aria-activedescendant); a pointer may choose one too.
 */
export function QuickReplyOptions({ picker, onChoose }: { picker: QuickReplyPicker; onChoose: (reply: QuickReplyItem) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (picker.matches.length === 0) {
    return (
      <p id={picker.listId} className={styles.none} role="status">
        {t('conversations.quickReplies.none')}
      </p>
    );
  }
  return (
    <div id={picker.listId} role="listbox" aria-label={t('conversations.quickReplies.list')} className={styles.list}>
      {picker.matches.map((reply, index) => (
        <div
          key={reply.id}
          id={picker.optionId(index)}
          role="option"
          aria-selected={index === picker.activeIndex}
          className={mergeClasses(styles.option, index === picker.activeIndex && styles.active)}
          // The typing box keeps focus; the click still chooses.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(reply)}
        >
          <Text weight="semibold">{reply.title}</Text>
          <Caption1 className={styles.text}>{reply.text}</Caption1>
        </div>
      ))}
    </div>
  );
}
