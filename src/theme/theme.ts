/**
 * The MUI theme: palette, type and component defaults in one place, with the locale pack of
 * the current language (Danish by default).
 */
import { createTheme } from '@mui/material/styles';
import { daDK, enUS } from '@mui/material/locale';
import type { Language } from '../i18n/i18n';

export function createAppTheme(language: Language) {
  return createTheme(
    {
      palette: {
        primary: { main: '#0b4f6c', contrastText: '#ffffff' },
        secondary: { main: '#7a4b00' },
        // Darker than MUI's default orange (#ed6c02, 3:1 on white), so warning text such as
        // the "Ledig" chip passes WCAG AA contrast (4.5:1) on white and on the page background.
        warning: { main: '#a64b00', contrastText: '#ffffff' },
        // Likewise for error and info text (outlined chips on tinted rows): at least 4.5:1.
        error: { main: '#b3261e', contrastText: '#ffffff' },
        info: { main: '#01579b', contrastText: '#ffffff' },
        background: { default: '#f5f7f9', paper: '#ffffff' },
        text: { primary: '#1b2429', secondary: '#4a5860' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: [
          'system-ui',
          '-apple-system',
          '"Segoe UI"',
          'Roboto',
          '"Helvetica Neue"',
          'Arial',
          'sans-serif',
        ].join(','),
        h1: { fontSize: '1.75rem', fontWeight: 600, lineHeight: 1.25 },
        h2: { fontSize: '1.125rem', fontWeight: 600, lineHeight: 1.3 },
        button: { textTransform: 'none' },
      },
      components: {
        MuiButton: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
        MuiTableCell: {
          styleOverrides: {
            head: ({ theme }) => ({ fontWeight: 600, color: theme.palette.text.secondary, whiteSpace: 'nowrap' }),
          },
        },
        MuiLink: { defaultProps: { underline: 'hover' } },
        // Print: A4 landscape (the roster's five columns fit, at its laptop layout), white
        // paper, rows and headings never cut from what follows them.
        MuiCssBaseline: {
          styleOverrides: {
            '@page': { size: 'A4 landscape', margin: '12mm' },
            '@media print': {
              body: { backgroundColor: '#ffffff' },
              'tr, li, [role="img"]': { breakInside: 'avoid' },
              thead: { display: 'table-header-group' },
              'h1, h2, h3': { breakAfter: 'avoid' },
              'a, a:visited': { color: 'inherit', textDecoration: 'none' },
              '#main': { maxWidth: 'none', padding: 0 },
            },
          },
        },
      },
    },
    language === 'da' ? daDK : enUS,
  );
}
