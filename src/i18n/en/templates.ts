/** English strings of the templates feature. */
export const templatesEn = {
  title: 'Message templates',
};
