/** English strings of the routing feature. */
export const routingEn = {
  title: 'Routing rules',
};
