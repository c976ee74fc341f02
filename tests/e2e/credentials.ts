/**
 * The e2e server's first admin (playwright.config.ts passes these as ROSTER_ADMIN_*; clearly
 * fake), and where the signed-in browser state is kept for the specs (auth.setup.ts).
 */
export const E2E_ADMIN = { email: 'e2e-admin@roster.example', password: 'lilla elefant cykler hjem' };
export const STORAGE_STATE = 'test-results/.auth/admin.json';
