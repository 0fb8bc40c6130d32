import { useState } from 'react';
import type { MediaUpload } from '@/api/contract/conversation';
import { acceptedMediaTypes, checkMedia } from '@/domain/media-rules';
import { useUploadMedia } from '@/resources/conversation-mutations';

export type Attachment =
  | { state: 'none' }
  /** Refused before upload (type, size), or by the server when sending: a validation code. */
  | { state: 'invalid'; code: string }
  /** `progress` from 0 to 1, or null while the browser has not said. */
  | { state: 'uploading'; file: File; progress: number | null }
  | { state: 'failed'; file: File; error: unknown }
  | { state: 'ready'; file: File; upload: MediaUpload };

/** Browsers leave the type empty for some files (.amr, .oga): the extension then says what it is. */
function typeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const known = Object.entries(acceptedMediaTypes).find(([, extensions]) => (extensions as readonly string[]).includes(extension));
  return known?.[0] ?? '';
}

/**
 * The one file a WhatsApp message may carry: checked against WhatsApp's limits first,
 * then uploaded at once, so that Send only refers to it.
 */
export function useAttachment(conversationId: string) {
  const upload = useUploadMedia(conversationId);
  const [attachment, setAttachment] = useState<Attachment>({ state: 'none' });

  const choose = (chosen: File) => {
    const type = typeOf(chosen);
    const problem = checkMedia({ type, size: chosen.size });
    if (problem) {
      setAttachment({ state: 'invalid', code: problem });
      return;
    }
    const file = chosen.type === type ? chosen : new File([chosen], chosen.name, { type });
    setAttachment({ state: 'uploading', file, progress: null });
    const onProgress = (progress: number) =>
      setAttachment((current) => (current.state === 'uploading' && current.file === file ? { ...current, progress } : current));
    upload.mutate({ file, onProgress }, {
      // Only if it is still the file shown: a removed or replaced one is forgotten.
      onSuccess: (result) => setAttachment((current) => (current.state === 'uploading' && current.file === file ? { state: 'ready', file, upload: result } : current)),
      onError: (error) => setAttachment((current) => (current.state === 'uploading' && current.file === file ? { state: 'failed', file, error } : current)),
    });
  };

  return {
    attachment,
    choose,
    remove: () => setAttachment({ state: 'none' }),
    reject: (code: string) => setAttachment({ state: 'invalid', code }),
  };
}
