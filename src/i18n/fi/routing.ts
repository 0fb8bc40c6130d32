import type { Messages } from '../en';

export const routingFi: Messages['routing'] = {
  title: 'Reitityssäännöt',
};
