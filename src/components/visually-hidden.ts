import type { GriffelStyle } from '@fluentui/react-components';

/** Read by screen readers, not shown: words that icons and badges say to the eye. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
