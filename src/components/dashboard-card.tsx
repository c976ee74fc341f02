/**
 * One card of the dashboard ("Overblik"): a titled section (h2) with its content and, at the
 * bottom, links onward. Shared, so a feature that adds a card to the dashboard (composed in
 * src/app) looks like the rest without importing the dashboard feature.
 */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

export function DashboardCard({
  title,
  aside,
  actions,
  wide,
  children,
}: {
  title: ReactNode;
  /** A short note beside the title (a count). */
  aside?: ReactNode;
  /** Links at the bottom of the card. */
  actions?: ReactNode;
  /** Spans the whole row of the grid. */
  wide?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{ p: { xs: 2, sm: 2.5 }, display: 'flex', flexDirection: 'column', gap: 1.5, gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }}
    >
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: 1 }}>
        <Typography variant="h2" id={headingId}>
          {title}
        </Typography>
        {aside && (
          <Typography variant="body2" color="textSecondary">
            {aside}
          </Typography>
        )}
      </Stack>
      <Box sx={{ flexGrow: 1 }}>{children}</Box>
      {actions && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, displayPrint: 'none' }}>
          {actions}
        </Stack>
      )}
    </Paper>
  );
}
