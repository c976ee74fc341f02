/**
 * Styles for long lists drawn with plain elements instead of one MUI component per cell, so
 * that a roster or a page of people re-renders in a fraction of the time (every styled MUI
 * component serialises its styles on every render; a row had a dozen of them). The table (or
 * list) gets the styles once, through `styled` (not `sx`, which moves media queries before the
 * rules they override); its rows are `<tr>`/`<td>`/`<th>`/`<a>`/`<span>`
 * with the class names below. Decision 018.
 *
 * The cell styles are MUI's TableCell (size small, body) and the links MUI's Link, with this
 * app's theme, so a plain row looks exactly like a row of MUI components.
 */
import type { CSSObject, Theme } from '@mui/material/styles';
import { visuallyHiddenStyle } from './visually-hidden';

/** Class names the plain rows use (styled by `plainTableSx` / `plainTextSx`). */
export const plain = {
  /** Hidden below the md breakpoint (the table's extra columns). */
  hideOnPhone: 'plain-hide-phone',
  /** Shown only below the md breakpoint (what the hidden columns say, under the name). */
  phoneOnly: 'plain-phone-only',
  /** Secondary text (body2, text.secondary). */
  secondary: 'plain-secondary',
  /** A link underlined always (MUI Link underline="always"); links are underlined on hover otherwise. */
  underline: 'plain-underline',
  strong: 'plain-strong',
  /** A round icon button (MUI IconButton's size and colours; `PlainIconButton`). */
  iconButton: 'plain-icon-button',
  /** Read by screen readers, not shown (src/components/visually-hidden.ts). */
  visuallyHidden: 'plain-visually-hidden',
} as const;

/** Text, links and the phone/desktop switches, for plain elements anywhere under the element. */
export function plainTextSx(theme: Theme): CSSObject {
  return {
    '& a': {
      color: theme.palette.primary.main,
      textDecoration: 'none',
      '&:hover': { textDecoration: 'underline' },
    },
    [`& a.${plain.underline}`]: {
      textDecoration: 'underline',
      textDecorationColor: theme.alpha(theme.palette.primary.main, 0.4),
      '&:hover': { textDecorationColor: 'inherit' },
    },
    [`& .${plain.secondary}`]: { ...theme.typography.body2, color: theme.palette.text.secondary },
    [`& .${plain.strong}`]: { fontWeight: 600 },
    [`& .${plain.visuallyHidden}`]: visuallyHiddenStyle,
    [`& .${plain.iconButton}`]: {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      boxSizing: 'border-box',
      width: 40,
      height: 40,
      padding: 8,
      margin: 0,
      border: 0,
      borderRadius: '50%',
      background: 'transparent',
      color: theme.palette.action.active,
      fontSize: theme.typography.pxToRem(24),
      cursor: 'pointer',
      '&:hover': { backgroundColor: theme.palette.action.hover },
      '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 0 },
      '&[aria-expanded="true"]': { backgroundColor: theme.palette.action.selected },
      '& > svg': { width: '1em', height: '1em', fill: 'currentColor', flexShrink: 0 },
    },
    [theme.breakpoints.down('md')]: { [`& .${plain.hideOnPhone}`]: { display: 'none' }, [`& .${plain.phoneOnly}`]: { display: 'block' } },
    [theme.breakpoints.up('md')]: { [`& .${plain.phoneOnly}`]: { display: 'none' } },
  };
}

/**
 * For a MUI `Table size="small"` whose body rows are plain `<tr>` with `<td>`/`<th>` cells:
 * the cells look like MUI's small body cells; `hover` shades the row under the pointer, as
 * TableRow's `hover` does; `fixedOnDesktop` gives the table a fixed layout from the md breakpoint
 * (column widths as set on the head cells).
 */
export function plainTableSx(theme: Theme, { hover = false, fixedOnDesktop = false } = {}): CSSObject {
  const cell = {
    ...theme.typography.body2,
    display: 'table-cell',
    verticalAlign: 'inherit',
    textAlign: 'left',
    // MUI TableCell's own border colour (the divider made opaque and lightened).
    borderBottom: `1px solid ${theme.lighten(theme.alpha(theme.palette.divider, 1), 0.88)}`,
    color: theme.palette.text.primary,
    padding: '6px 16px',
  } as const;
  const text = plainTextSx(theme);
  const desktop = theme.breakpoints.up('md');
  return {
    ...text,
    ...(fixedOnDesktop && { [desktop]: { ...(text[desktop] as CSSObject), tableLayout: 'fixed' } }),
    '& > tbody > tr': {
      color: 'inherit',
      display: 'table-row',
      verticalAlign: 'middle',
      outline: 0,
      ...(hover && { '&:hover': { backgroundColor: theme.palette.action.hover } }),
    },
    '& > tbody > tr > td, & > tbody > tr > th': cell,
  };
}
