/** /sign-in?redirect=/people%3Fq%3Dx: where to go after signing in (made safe before use). */
import { z } from 'zod';

export const SignInSearchSchema = z.object({
  redirect: z.string().max(2000).optional().catch(undefined),
});
export type SignInSearch = z.infer<typeof SignInSearchSchema>;
