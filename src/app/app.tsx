/** The providers around the router: query cache, i18n, theme (with the language's locale pack). */
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { NotificationProvider } from '../components/notifications';
import { asLanguage } from '../i18n/i18n';
import { createAppTheme } from '../theme/theme';
import type { createAppRouter } from './router';

function Themed({ router }: { router: ReturnType<typeof createAppRouter> }) {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const theme = useMemo(() => createAppTheme(language), [language]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotificationProvider>
        <RouterProvider router={router} />
      </NotificationProvider>
    </ThemeProvider>
  );
}

export function App({
  queryClient,
  i18n,
  router,
}: {
  queryClient: QueryClient;
  i18n: I18n;
  router: ReturnType<typeof createAppRouter>;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <Themed router={router} />
      </I18nextProvider>
    </QueryClientProvider>
  );
}
