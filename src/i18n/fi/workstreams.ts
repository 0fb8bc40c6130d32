import type { Messages } from '../en';

export const workstreamsFi: Messages['workstreams'] = {
  title: 'Työnkulut',
};
