/**
 * Paging under a list whose page lives in the URL: "1-25 af 42" with the total always shown,
 * a page-size choice, and first/previous/next/last buttons (labels from the theme's locale pack).
 */
import TablePagination from '@mui/material/TablePagination';
import { PAGE_SIZES, DEFAULT_PAGE_SIZE } from '../lib/list-search';

interface Props {
  total: number;
  /** The page in the URL, from 1. */
  page: number | undefined;
  size: number | undefined;
  onChange: (next: { page?: number; size?: number }) => void;
  /** e.g. "Personer pr. side:". */
  sizeLabel: string;
}

export function ListPagination({ total, page, size, onChange, sizeLabel }: Props) {
  const rowsPerPage = size ?? DEFAULT_PAGE_SIZE;
  const lastPage = Math.max(0, Math.ceil(total / rowsPerPage) - 1);
  return (
    <TablePagination
      component="div"
      count={total}
      page={Math.min((page ?? 1) - 1, lastPage)}
      rowsPerPage={rowsPerPage}
      rowsPerPageOptions={PAGE_SIZES}
      onPageChange={(_e, next) => onChange({ page: next === 0 ? undefined : next + 1, size })}
      onRowsPerPageChange={(e) => {
        const next = Number(e.target.value);
        onChange({ page: undefined, size: next === DEFAULT_PAGE_SIZE ? undefined : next });
      }}
      labelRowsPerPage={sizeLabel}
      showFirstButton
      showLastButton
      sx={{ displayPrint: 'none', '& .MuiTablePagination-toolbar': { flexWrap: 'wrap', px: { xs: 0, sm: 2 } } }}
    />
  );
}
