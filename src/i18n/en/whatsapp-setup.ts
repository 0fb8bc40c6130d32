/** English strings of the whatsAppSetup feature. */
export const whatsAppSetupEn = {
  title: 'Set up WhatsApp',
};
