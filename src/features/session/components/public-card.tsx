/** The card the public pages (sign-in, first-run setup) sit in: centred, narrow, one h1. */
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export function PublicCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ maxWidth: 460, mx: 'auto', mt: { xs: 0, sm: 4 }, p: { xs: 2.5, sm: 4 } }}>
      <Stack spacing={2.5}>
        <Stack spacing={1}>
          <Typography variant="h1" sx={{ fontSize: { xs: '1.75rem', sm: '2rem' } }}>
            {title}
          </Typography>
          {intro && <Typography color="textSecondary">{intro}</Typography>}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
