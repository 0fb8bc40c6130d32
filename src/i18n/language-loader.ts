import type { BackendModule } from 'i18next';

/**
 * English is bundled as the fallback; the other languages are fetched only when someone
 * chooses them, so that the first load carries one language's texts, not all of them.
 */
const loaders: Record<string, () => Promise<object>> = {
  fi: () => import('./fi').then((module) => module.fi),
};

export const languageLoader: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    const load = loaders[language];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (messages) => callback(null, messages),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
