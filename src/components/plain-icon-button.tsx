/**
 * An icon button as a plain `<button>`, for a button on every row of a long list (the
 * roster's row menu): looks like MUI's IconButton (size medium) where its container has the
 * plain styles (src/components/plain-table.ts), at a fraction of its rendering cost. `path` is
 * the icon's SVG path on a 24 x 24 grid (Material icons' paths).
 */
import type { ButtonHTMLAttributes, Ref } from 'react';
import { plain } from './plain-table';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'type'> & { path: string; ref?: Ref<HTMLButtonElement> };

export function PlainIconButton({ path, ...rest }: Props) {
  return (
    <button type="button" className={plain.iconButton} {...rest}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={path} />
      </svg>
    </button>
  );
}

/** Material's MoreVert ("more actions") icon. */
export const MORE_VERT_PATH =
  'M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2';
