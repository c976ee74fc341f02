/**
 * Password hashing for the mock backend only (MSW, in the browser and in jsdom): PBKDF2-SHA-256
 * from WebCrypto, because node:crypto's scrypt (server/auth/passwords.ts, what the real server
 * uses) does not exist in a browser. Never used by the server.
 */
import type { PasswordHasher } from '../server/auth/hasher';

const ITERATIONS = 10_000;
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS }, key, 256);
  return b64(new Uint8Array(bits));
}

export const webCryptoHasher: PasswordHasher = {
  async hash(password) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    return `mock-pbkdf2$${b64(salt)}$${await derive(password, salt)}`;
  },
  async verify(password, stored) {
    const [scheme, salt, key] = stored.split('$');
    if (scheme !== 'mock-pbkdf2' || !salt || !key) return false;
    return (await derive(password, unb64(salt))) === key;
  },
};
