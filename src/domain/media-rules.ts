/** WhatsApp's limits on one attachment (one per message), as Twilio documents them. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const acceptedMediaTypes = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'audio/mpeg': ['mp3'],
  'audio/ogg': ['ogg', 'oga'],
  'audio/amr': ['amr'],
  'video/mp4': ['mp4'],
  'application/pdf': ['pdf'],
} as const;
export type AcceptedMediaType = keyof typeof acceptedMediaTypes;

export type MediaProblem = 'media.type' | 'media.tooLarge' | 'media.imageTooLarge' | 'media.empty';

export function isAcceptedMediaType(type: string): type is AcceptedMediaType {
  return Object.hasOwn(acceptedMediaTypes, type.split(';')[0]!.trim().toLowerCase());
}

export function normalizeMediaType(type: string): string {
  return type.split(';')[0]!.trim().toLowerCase();
}

/** Why a file cannot be sent on WhatsApp, or null when it can. */
export function checkMedia(file: { type: string; size: number }): MediaProblem | null {
  const type = normalizeMediaType(file.type);
  if (!isAcceptedMediaType(type)) return 'media.type';
  if (file.size <= 0) return 'media.empty';
  if (type.startsWith('image/') && file.size > MAX_IMAGE_BYTES) return 'media.imageTooLarge';
  if (file.size > MAX_MEDIA_BYTES) return 'media.tooLarge';
  return null;
}

/**
 * An upload's file name from its URI-encoded header: control characters dropped, trimmed,
 * at most 255 characters; null when there is none or it cannot be decoded.
 */
export function uploadFilename(header: string | null | undefined): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header).replace(/\p{Cc}/gu, '').trim().slice(0, 255) || null;
  } catch {
    return null;
  }
}

/** The input's accept attribute: extensions and types. */
export const mediaAcceptAttribute = Object.entries(acceptedMediaTypes)
  .flatMap(([type, extensions]) => [type, ...extensions.map((extension) => `.${extension}`)])
  .join(',');

const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Photos are shown in the conversation; anything else (SVG, HTML…) is downloaded, never rendered by the browser. */
export function contentDisposition(contentType: string, filename: string | null): string {
  const kind = INLINE_TYPES.has(normalizeMediaType(contentType)) ? 'inline' : 'attachment';
  if (!filename) return kind;
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
