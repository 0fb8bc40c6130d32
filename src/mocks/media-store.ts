/** A small photo of a parcel (PNG): the seeded customer's picture of a damaged delivery. */
const PARCEL_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAASElEQVR42mO49urHoEIMow4addCog0YdhII2VLkRRM9OVMARMepHHTTqoFEHjTpo1EGjDhp10KiDRh006qCR5KDRXseogwgiAGPavCTEsiutAAAAAElFTkSuQmCC';

export function parcelPicture(): Uint8Array {
  return Uint8Array.from(atob(PARCEL_PNG_BASE64), (char) => char.charCodeAt(0));
}

/**
 * The bytes of attachments, kept in memory only: localStorage is too small for files, so
 * an upload of the demo lasts until the page is reloaded. Seeded media have fixed bytes.
 */
export function createMediaStore(seeded: Record<string, () => Uint8Array> = {}) {
  const uploads = new Map<string, Uint8Array>();
  return {
    put(id: string, bytes: Uint8Array): void {
      uploads.set(id, bytes);
    },
    get(id: string): Uint8Array | undefined {
      return uploads.get(id) ?? seeded[id]?.();
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
