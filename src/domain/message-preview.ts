export const MESSAGE_PREVIEW_LENGTH = 160;

/** The preview a conversation list shows: the text's first 160 characters, or a paper clip for a file alone. */
export function messagePreview(body: string, hasMedia: boolean): string {
  const text = Array.from(body.trim()).slice(0, MESSAGE_PREVIEW_LENGTH).join('');
  return text !== '' ? text : hasMedia ? '📎' : '';
}
