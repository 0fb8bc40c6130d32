import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { MessageMedia as Media } from '@/api/contract/conversation';
import { useFormatSize } from '../use-format-size';

const useStyles = makeStyles({
  image: { display: 'block', maxWidth: '280px', maxHeight: '280px', borderRadius: tokens.borderRadiusMedium },
  file: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** An image is shown where it is; anything else is a link to download it. Both come from our server, behind the session. */
export function MessageMedia({ media, author }: { media: Media; author: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatSize = useFormatSize();
  const name = media.filename ?? t('conversations.media.unnamed', { type: media.contentType });

  if (media.contentType.startsWith('image/')) {
    const alt = media.filename
      ? t('conversations.media.imageNamed', { name: media.filename, author })
      : t('conversations.media.image', { author });
    return (
      <a href={media.url} target="_blank" rel="noreferrer">
        <img src={media.url} alt={alt} className={styles.image} loading="lazy" />
      </a>
    );
  }
  return (
    <Link href={media.url} download={media.filename ?? true} className={styles.file}>
      <ArrowDownloadRegular aria-hidden />
      {media.size === null ? t('conversations.media.download', { name }) : t('conversations.media.downloadSized', { name, size: formatSize(media.size) })}
    </Link>
  );
}
