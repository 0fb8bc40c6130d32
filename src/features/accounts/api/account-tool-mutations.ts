import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';

/** Asks Twilio about the saved credentials; nothing is changed, so nothing is refreshed. */
export function useVerifyCredentials(accountId: string) {
  return useMutation({ mutationFn: () => api.accountTools.verify(accountId) });
}
