/** How the app hashes and checks passwords: scrypt on the server (passwords.ts); see createApp. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or a hash it does not understand; never throws for those. */
  verify(password: string, stored: string): Promise<boolean>;
}
