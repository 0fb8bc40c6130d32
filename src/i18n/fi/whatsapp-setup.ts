import type { Messages } from '../en';

export const whatsAppSetupFi: Messages['whatsAppSetup'] = {
  title: 'Määritä WhatsApp',
};
