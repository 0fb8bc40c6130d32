import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QuickReplyOptions } from './quick-reply-options';
import type { QuickReplyItem, QuickReplyPicker } from './use-quick-reply-picker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The picker as opened from its button: a search box (a combobox) over the list; focus moves into it. */
export function QuickReplySearch({ picker, onChoose, onClose }: { picker: QuickReplyPicker; onChoose: (reply: QuickReplyItem) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <div className={styles.root}>
      <Field label={t('conversations.quickReplies.search')}>
        <Input
          ref={inputRef}
          role="combobox"
          aria-expanded
          aria-controls={picker.listId}
          aria-activedescendant={picker.activeOptionId}
          aria-autocomplete="list"
          autoComplete="off"
          contentBefore={<SearchRegular />}
          value={picker.query}
          onChange={(_, data) => picker.search(data.value)}
          onKeyDown={(event) => {
            const wasEscape = event.key === 'Escape';
            if (picker.handleKey(event, onChoose) && wasEscape) onClose();
          }}
        />
      </Field>
      <QuickReplyOptions picker={picker} onChoose={onChoose} />
    </div>
  );
}
