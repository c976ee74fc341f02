/** A button that is a real link (opens in a new tab with a modifier key), navigating inside the SPA otherwise. */
import Button, { type ButtonProps } from '@mui/material/Button';
import { useRouter } from '@tanstack/react-router';

export function LinkButton({ href, ...rest }: { href: string } & Omit<ButtonProps, 'href' | 'component'>) {
  const router = useRouter();
  return (
    <Button
      {...rest}
      href={href}
      onClick={(e) => {
        rest.onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void router.navigate({ href });
      }}
    />
  );
}

export const renewalHref = (termId: string, page: '' | '/compare' | '/requests' = '') =>
  `/terms/${encodeURIComponent(termId)}/renewal${page}`;
