import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

/**
 * The accounts with their numbers, for choosing a number. The key is the accounts
 * feature's own, so both share one cache entry.
 */
export const whatsAppNumberQueries = {
  accounts: () => queryOptions({ queryKey: ['whatsapp-accounts', 'list'], queryFn: () => api.accounts.list() }),
};
