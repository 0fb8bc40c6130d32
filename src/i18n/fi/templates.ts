import type { Messages } from '../en';

export const templatesFi: Messages['templates'] = {
  title: 'Viestipohjat',
};
