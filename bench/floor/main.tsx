/**
 * The floor app of the bundle benchmark: the least a page of this stack can ship (React, the
 * router, MUI core and TanStack Query rendering one MUI table), built with our Vite config.
 * Our first page is measured against it: see scripts/bundle-size.ts.
 */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { RouterProvider, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function RowsPage() {
  const rows = useQuery({
    queryKey: ['rows'],
    queryFn: async () => (await fetch('/api/roster')).json() as Promise<{ entries: { seat: { label: string } }[] }>,
  });
  return (
    <>
      <Typography variant="h1">Floor</Typography>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>Plads</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(rows.data?.entries ?? []).map((e) => (
            <TableRow key={e.seat.label}>
              <TableCell>{e.seat.label}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

const rootRoute = createRootRoute();
const rowsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: RowsPage });
const router = createRouter({ routeTree: rootRoute.addChildren([rowsRoute]) });
const queryClient = new QueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={createTheme()}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemeProvider>
  </StrictMode>,
);
