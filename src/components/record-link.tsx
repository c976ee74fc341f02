/**
 * Links to a record's page by entity and id, for places that only know both at run time
 * (conflicts, audit entries). A real anchor: opens in a new tab with a modifier key, and
 * navigates inside the SPA otherwise.
 */
import Button, { type ButtonProps } from '@mui/material/Button';
import Link, { type LinkProps } from '@mui/material/Link';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/** The page of each kind of record (kept in step with src/app/router.tsx). */
const PAGE_OF: Record<string, string> = {
  term: '/terms',
  terms: '/terms',
  body: '/bodies',
  bodies: '/bodies',
  organization: '/organizations',
  organizations: '/organizations',
  person: '/people',
  people: '/people',
  seat: '/seats',
  seats: '/seats',
  membership: '/memberships',
  memberships: '/memberships',
};

export function recordHref(entity: string, id: string): string | undefined {
  const base = PAGE_OF[entity];
  return base && `${base}/${encodeURIComponent(id)}`;
}

/**
 * The click handler of a real anchor inside the SPA: navigates in the app, unless a modifier
 * key or another button asks the browser for a new tab or window.
 */
function useInAppClick<E extends HTMLElement>(href: string, onClick?: (e: MouseEvent<E>) => void) {
  const router = useRouter();
  return (e: MouseEvent<E>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void router.navigate({ href });
  };
}

export function AppLink({ href, children, ...rest }: { href: string; children: ReactNode } & Omit<LinkProps, 'href'>) {
  const onClick = useInAppClick(href, rest.onClick);
  return (
    <Link {...rest} href={href} onClick={onClick}>
      {children}
    </Link>
  );
}

/** A button that is a real link (AppLink's behaviour with a button's looks). */
export function LinkButton({ href, ...rest }: { href: string } & Omit<ButtonProps, 'href' | 'component'>) {
  const onClick = useInAppClick(href, rest.onClick);
  return <Button {...rest} href={href} onClick={onClick} />;
}

export function RecordLink({ entity, id, children }: { entity: string; id: string; children: ReactNode }) {
  const href = recordHref(entity, id);
  return href ? <AppLink href={href}>{children}</AppLink> : <>{children}</>;
}
