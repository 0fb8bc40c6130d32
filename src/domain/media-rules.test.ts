import { describe, expect, it } from 'vitest';
import { checkMedia, contentDisposition, isAcceptedMediaType, MAX_IMAGE_BYTES, MAX_MEDIA_BYTES, mediaAcceptAttribute, uploadFilename } from './media-rules';

describe('WhatsApp media rules', () => {
  it('accept the listed types, with parameters and in any case', () => {
    expect(isAcceptedMediaType('image/jpeg')).toBe(true);
    expect(isAcceptedMediaType('audio/ogg; codecs=opus')).toBe(true);
    expect(isAcceptedMediaType('APPLICATION/PDF')).toBe(true);
    expect(isAcceptedMediaType('text/plain')).toBe(false);
    expect(isAcceptedMediaType('image/svg+xml')).toBe(false);
  });

  it('limit images to 5 MB and everything to 16 MB', () => {
    expect(checkMedia({ type: 'image/png', size: MAX_IMAGE_BYTES })).toBeNull();
    expect(checkMedia({ type: 'image/png', size: MAX_IMAGE_BYTES + 1 })).toBe('media.imageTooLarge');
    expect(checkMedia({ type: 'video/mp4', size: MAX_MEDIA_BYTES })).toBeNull();
    expect(checkMedia({ type: 'application/pdf', size: MAX_MEDIA_BYTES + 1 })).toBe('media.tooLarge');
  });

  it('refuse empty files and other types, the type first', () => {
    expect(checkMedia({ type: 'audio/amr', size: 0 })).toBe('media.empty');
    expect(checkMedia({ type: 'text/html', size: MAX_MEDIA_BYTES + 1 })).toBe('media.type');
  });

  it('offer the types and extensions to the file picker', () => {
    expect(mediaAcceptAttribute.split(',')).toEqual(expect.arrayContaining(['image/jpeg', '.jpg', '.jpeg', '.oga', 'application/pdf', '.pdf']));
  });
});

describe('how an attachment is served', () => {
  it('shows photos inline and downloads everything else, with the name kept in UTF-8', () => {
    expect(contentDisposition('image/png', null)).toBe('inline');
    expect(contentDisposition('image/svg+xml', 'logo.svg')).toMatch(/^attachment; /);
    expect(contentDisposition('application/pdf; charset=binary', 'kuitti ä.pdf')).toBe(`attachment; filename="kuitti _.pdf"; filename*=UTF-8''kuitti%20%C3%A4.pdf`);
  });

  it('read an upload’s file name from its header: decoded, control characters dropped, trimmed, 255 at most', () => {
    expect(uploadFilename(encodeURIComponent(' lasku\u0000 2231\u0007.pdf  '))).toBe('lasku 2231.pdf');
    expect(uploadFilename(encodeURIComponent('x'.repeat(300)))).toBe('x'.repeat(255));
    expect(uploadFilename(encodeURIComponent('   '))).toBeNull();
    expect(uploadFilename('%E0%A4%A')).toBeNull();
    expect(uploadFilename('')).toBeNull();
    expect(uploadFilename(null)).toBeNull();
  });
});
