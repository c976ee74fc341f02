import type { CSSObject, SxProps } from '@mui/material/styles';

/** Hidden on screen, read by screen readers, as CSS (also used by src/components/plain-table.ts). */
export const visuallyHiddenStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} satisfies CSSObject;

/** The same as `sx`. */
export const visuallyHidden: SxProps = visuallyHiddenStyle;
