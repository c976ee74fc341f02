/**
 * Loads the code of the page people usually open next from this one, once the browser is idle,
 * so that the click does not wait for the code. The data still loads on the click, or earlier
 * on hover and focus (src/components/record-link.tsx).
 */
import { useRouter, type RegisteredRouter, type RouteIds } from '@tanstack/react-router';
import { useEffect } from 'react';

export function usePreloadRouteCode(routeId: RouteIds<RegisteredRouter['routeTree']>) {
  const router = useRouter();
  useEffect(() => {
    const load = () => {
      // A failed download is not an error to show: the click loads the page again, and says so.
      void router.loadRouteChunk(router.routesById[routeId])?.catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 1000);
    return () => clearTimeout(id);
  }, [router, routeId]);
}
