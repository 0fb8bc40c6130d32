import { Button, Caption1, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AttachRegular, DismissRegular, DocumentRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { useProblemText } from '@/components/use-problem-text';
import { ApiError } from '@/api/problem';
import { mediaAcceptAttribute } from '@/domain/media-rules';
import { useFormatSize } from '../use-format-size';
import type { Attachment } from './use-attachment';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  file: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '200px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
});

interface AttachmentPickerProps {
  attachment: Attachment;
  onChoose: (file: File) => void;
  onRemove: () => void;
  disabled?: boolean;
}

/** Attach one file; while it uploads, a progress bar; once uploaded, its name with Remove. */
export function AttachmentPicker({ attachment, onChoose, onRemove, disabled }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const problemText = useProblemText();
  const formatSize = useFormatSize();
  const input = useRef<HTMLInputElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const errorId = useId();
  const hintId = useId();

  const error =
    attachment.state === 'invalid'
      ? errorText({ message: attachment.code })
      : attachment.state === 'failed'
        ? attachment.error instanceof ApiError && attachment.error.fieldErrors[0]
          ? errorText({ message: attachment.error.fieldErrors[0].code })
          : problemText(attachment.error)
        : undefined;
  const hasFile = attachment.state === 'uploading' || attachment.state === 'ready';

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        {!hasFile && (
          <Button
            ref={attachButton}
            icon={<AttachRegular />}
            disabled={disabled}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onClick={() => input.current?.click()}
          >
            {t('conversations.composer.attach')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          hidden
          accept={mediaAcceptAttribute}
          aria-label={t('conversations.composer.chooseFile')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared, so that choosing the same file again after Remove is a change too.
            event.currentTarget.value = '';
            if (file) onChoose(file);
          }}
        />
        {attachment.state === 'uploading' && (
          <div className={styles.progress}>
            <ProgressBar
              aria-label={t('conversations.composer.uploading', { name: attachment.file.name })}
              max={1}
              value={attachment.progress ?? undefined}
            />
            <Caption1 role="status">{t('conversations.composer.uploading', { name: attachment.file.name })}</Caption1>
          </div>
        )}
        {hasFile && (
          <>
            {attachment.state === 'ready' && (
              <Text className={styles.file}>
                <DocumentRegular aria-hidden />
                {t('conversations.composer.attached', { name: attachment.file.name, size: formatSize(attachment.file.size) })}
              </Text>
            )}
            <Button
              appearance="subtle"
              icon={<DismissRegular />}
              aria-label={t('conversations.composer.removeFile', { name: attachment.file.name })}
              onClick={() => {
                onRemove();
                // The file and this button go away; the way to attach another takes focus.
                setTimeout(() => attachButton.current?.focus());
              }}
            >
              {t('common.remove')}
            </Button>
          </>
        )}
      </div>
      {error ? (
        <Text role="alert" id={errorId} size={200} className={styles.error}>
          {error}
        </Text>
      ) : null}
      <Caption1 id={hintId} className={styles.hint}>
        {t('conversations.composer.attachHint')}
      </Caption1>
    </div>
  );
}
