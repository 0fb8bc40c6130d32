/** English strings of the workstreams feature. */
export const workstreamsEn = {
  title: 'Workstreams',
};
