/**
 * The mocked backend: the real Hono app over a memory store with the seed roster. Only the
 * persistence differs from production, so mocks cannot drift from the real API.
 */
import type { IsoDate } from '../src/domain/dates';
import { createApp } from '../server/app';
import { seedHorsensAlliancen } from '../server/seed/horsens-alliancen';
import { createMemoryStore } from '../server/store/memory-store';

export async function createMockBackend(options: { seed?: boolean; today?: () => IsoDate } = {}) {
  const store = createMemoryStore();
  if (options.seed ?? true) await seedHorsensAlliancen(store);
  const app = createApp({ store, today: options.today });
  return { store, app };
}
