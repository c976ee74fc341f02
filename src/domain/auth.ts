/**
 * Who may do what (issue 6, decision 017). One table of capabilities per role, used by the
 * server's route policy (server/auth/policy.ts) and by the SPA to hide what a role cannot do;
 * the server refuses it anyway. Plus the session and user contracts of /api/session,
 * /api/setup and /api/users.
 */
import { z } from 'zod';

export const USER_ROLES = ['admin', 'secretariat', 'coordinator', 'viewer'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

export const CAPABILITIES = [
  /** Read the roster, people, organisations, terms, fora, history, exports. */
  'read',
  /** Create, change and delete terms, fora, organisations, people, seats and memberships; import. */
  'roster:write',
  /** Start, plan and switch over a renewal: renewals and nominations. */
  'renewal:write',
  /** A person's data export and the retention review list (GDPR requests). */
  'privacy:read',
  /** Erase (anonymise) a person. */
  'privacy:erase',
  /** Manage users: create, change role, disable, reset passwords. */
  'users:manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Each role's capabilities. Admin can do everything; the others exactly their part. */
export const ROLE_CAPABILITIES: Record<UserRole, readonly Capability[]> = {
  admin: CAPABILITIES,
  secretariat: ['read', 'roster:write', 'renewal:write', 'privacy:read'],
  coordinator: ['read', 'renewal:write'],
  viewer: ['read'],
};

export function can(role: UserRole | null | undefined, capability: Capability): boolean {
  return role != null && ROLE_CAPABILITIES[role].includes(capability);
}

/** The roles that have a capability (for the route policy and its tests). */
export function rolesWith(capability: Capability): UserRole[] {
  return USER_ROLES.filter((r) => can(r, capability));
}

// Passwords ------------------------------------------------------------------------------

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * A new password: 12-128 characters, no composition rules (NIST SP 800-63B, ASVS 2.1). The
 * server also refuses common passwords ('password_common'); that list is not in the SPA.
 */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: 'password_length' })
  .max(PASSWORD_MAX, { message: 'password_length' });

const EmailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'email_format' }).max(254));
const NameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001F\u007F]*$/, { message: 'control_characters' });

// Session --------------------------------------------------------------------------------

export const SignInInputSchema = z.object({
  email: z.string().trim().min(1).max(254),
  // Not the new-password rules: an old password may be shorter, and the check says nothing.
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: UserRoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** GET/POST /api/session, POST /api/setup: who is signed in, and until when at the latest. */
export const SessionSchema = z.object({
  user: SessionUserSchema,
  /** The absolute end of the session (ISO 8601); it also ends after idleTimeoutSeconds idle. */
  expiresAt: z.string(),
  idleTimeoutSeconds: z.number().int().positive(),
});
export type Session = z.infer<typeof SessionSchema>;

/** GET /api/setup: whether the first admin still has to be created (with the printed link). */
export const SetupStatusSchema = z.object({ required: z.boolean() });

/** POST /api/setup: the first admin, with the one-time token from the server's start-up log. */
export const SetupInputSchema = z.object({
  token: z.string().min(1).max(200),
  email: EmailSchema,
  name: NameSchema,
  password: NewPasswordSchema,
});
export type SetupInput = z.infer<typeof SetupInputSchema>;

// Users (admin) ----------------------------------------------------------------------------

export const UserSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  email: z.string(),
  name: z.string(),
  role: UserRoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  /** The last successful sign-in (ISO 8601), null before the first. */
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** POST /api/users. */
export const UserInputSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: UserRoleSchema,
  password: NewPasswordSchema,
});
export type UserInput = z.infer<typeof UserInputSchema>;

/** PATCH /api/users/:id (If-Match): any of these; a new password ends the user's sessions. */
export const UserPatchSchema = z
  .object({
    email: EmailSchema,
    name: NameSchema,
    role: UserRoleSchema,
    disabled: z.boolean(),
    password: NewPasswordSchema,
  })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof UserPatchSchema>;
