import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text for a live region that belongs to the language it was written in: after the user
 * switches language, the old sentence is dropped rather than left behind untranslated.
 */
export function useLiveAnnouncement(): [announcement: string, announce: (text: string) => void] {
  const { i18n } = useTranslation();
  const [said, setSaid] = useState({ text: '', language: i18n.language });
  const announce = useCallback((text: string) => setSaid({ text, language: i18n.language }), [i18n]);
  return [said.language === i18n.language ? said.text : '', announce];
}
