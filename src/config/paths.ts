/** Every address of the app in one place, so features can link without knowing the router. */
export const paths = {
  accounts: '/channels/accounts',
  newAccount: '/channels/accounts/new',
  account: (id: string) => `/channels/accounts/${encodeURIComponent(id)}`,
  workstreams: '/workstreams',
  queues: '/queues',
  conversations: '/conversations',
} as const;
