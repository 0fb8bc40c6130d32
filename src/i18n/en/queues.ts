/** English strings of the queues feature. */
export const queuesEn = {
  title: 'Queues',
};
