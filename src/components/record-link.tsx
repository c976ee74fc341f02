/**
 * Links to a record's page by entity and id, for places that only know both at run time
 * (conflicts, audit entries). A real anchor: opens in a new tab with a modifier key, and
 * navigates inside the SPA otherwise.
 */
import Button, { type ButtonProps } from '@mui/material/Button';
import Link, { type LinkProps } from '@mui/material/Link';
import { useRouter } from '@tanstack/react-router';
import type { FocusEvent, MouseEvent, ReactNode, TouchEvent } from 'react';

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

/** How long the pointer rests on a link before its page is preloaded (TanStack Router's default). */
const PRELOAD_DELAY_MS = 50;
/** One pending preload for the whole app: sweeping over a table preloads only where it stops. */
let pendingPreload: ReturnType<typeof setTimeout> | undefined;

type Handler<E> = ((e: E) => void) | undefined;
interface InAppHandlers<E extends HTMLElement> {
  onClick?: Handler<MouseEvent<E>>;
  onMouseEnter?: Handler<MouseEvent<E>>;
  onMouseLeave?: Handler<MouseEvent<E>>;
  onFocus?: Handler<FocusEvent<E>>;
  onTouchStart?: Handler<TouchEvent<E>>;
}

/**
 * The handlers of a real anchor inside the SPA. A click navigates in the app, unless a
 * modifier key or another button asks the browser for a new tab or window. Intent (the pointer
 * resting on the link, keyboard focus, a touch) preloads the page's code and data, as the
 * router's own links do (`defaultPreload: 'intent'` in src/app/router.tsx). Handlers given by
 * the caller run first.
 */
function useInAppLink<E extends HTMLElement>(href: string, own: InAppHandlers<E> = {}): Required<InAppHandlers<E>> {
  const router = useRouter();
  const preload = () => {
    clearTimeout(pendingPreload);
    // A failed preload is not an error to show: the click loads the page again, and says so.
    // preloadRoute resolves `href` as navigate does (router-core's buildLocation).
    const to: Parameters<typeof router.navigate>[0] = { href };
    router.preloadRoute(to).catch(() => undefined);
  };
  return {
    onClick: (e) => {
      own.onClick?.(e);
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      void router.navigate({ href });
    },
    onMouseEnter: (e) => {
      own.onMouseEnter?.(e);
      clearTimeout(pendingPreload);
      pendingPreload = setTimeout(preload, PRELOAD_DELAY_MS);
    },
    onMouseLeave: (e) => {
      own.onMouseLeave?.(e);
      clearTimeout(pendingPreload);
    },
    onFocus: (e) => {
      own.onFocus?.(e);
      preload();
    },
    onTouchStart: (e) => {
      own.onTouchStart?.(e);
      preload();
    },
  };
}

export function AppLink({ href, children, ...rest }: { href: string; children: ReactNode } & Omit<LinkProps, 'href'>) {
  const handlers = useInAppLink(href, rest);
  return (
    <Link {...rest} href={href} {...handlers}>
      {children}
    </Link>
  );
}

/**
 * AppLink without MUI: a plain anchor, for lists of many rows styled once by their container
 * (src/components/plain-table.ts), where a MUI Link per row costs more than the row.
 */
export function PlainLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const handlers = useInAppLink<HTMLAnchorElement>(href);
  return (
    <a href={href} className={className} {...handlers}>
      {children}
    </a>
  );
}

/** A button that is a real link (AppLink's behaviour with a button's looks). */
export function LinkButton({ href, ...rest }: { href: string } & Omit<ButtonProps, 'href' | 'component'>) {
  const handlers = useInAppLink(href, rest);
  return <Button {...rest} href={href} {...handlers} />;
}

export function RecordLink({ entity, id, children }: { entity: string; id: string; children: ReactNode }) {
  const href = recordHref(entity, id);
  return href ? <AppLink href={href}>{children}</AppLink> : <>{children}</>;
}
