import type { Messages } from '../en';

export const queuesFi: Messages['queues'] = {
  title: 'Jonot',
};
