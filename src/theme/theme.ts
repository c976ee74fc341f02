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
      },
    },
    language === 'da' ? daDK : enUS,
  );
}
