import { Toast, ToastTitle, useToastController, type ToastIntent } from '@fluentui/react-components';
import { useCallback } from 'react';

export const TOASTER_ID = 'app-toaster';

/** Short confirmation of something that happened, announced politely to screen readers. */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, intent: ToastIntent = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        {
          intent,
          politeness: intent === 'error' ? 'assertive' : 'polite',
          // Our toasts hold text only. Fluent makes each one a Tab stop that keeps Tab inside
          // when it holds nothing focusable: a keyboard trap. The live region announces it anyway.
          root: { tabIndex: -1 },
        },
      ),
    [dispatchToast],
  );
}
