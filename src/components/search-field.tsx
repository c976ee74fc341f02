/**
 * Search text for a list whose search lives in the URL: typing updates the URL after a short
 * pause (and at once on Enter), so every search is a link and Back goes to the last one. The
 * field follows the URL when it changes from outside (Back, a link).
 */
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import { useEffect, useState } from 'react';

interface Props {
  /** The search in the URL ('' for none). */
  value: string;
  onCommit: (value: string) => void;
  label: string;
  helperText?: string;
  /** Pause after the last key before the URL changes, in milliseconds. */
  delay?: number;
  /** Layout of the search box in its parent (e.g. how it grows in a row of filters); at most 480px wide by default. */
  sx?: SxProps<Theme>;
}

export function SearchField({ value, onCommit, label, helperText, delay = 300, sx }: Props) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  // The URL changed from outside (Back, a link): show its search.
  if (value !== committed) {
    setCommitted(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    const next = text.trim();
    if (next === committed) return;
    const timer = setTimeout(() => {
      setCommitted(next);
      onCommit(next);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, committed, onCommit, delay]);

  return (
    <Box
      component="form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const next = text.trim();
        setCommitted(next);
        onCommit(next);
      }}
      sx={sx ?? { maxWidth: { sm: 480 } }}
    >
      <TextField
        type="search"
        label={label}
        helperText={helperText}
        value={text}
        onChange={(e) => setText(e.target.value)}
        size="small"
        fullWidth
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" aria-hidden />
              </InputAdornment>
            ),
          },
        }}
      />
    </Box>
  );
}
