/**
 * Password hashing for the server: node:crypto's scrypt (no dependency), N=2^15, r=8, p=1, a
 * 16-byte salt, a 32-byte key, stored as `scrypt$N$r$p$salt$key` (base64) so the cost can
 * rise later without invalidating stored hashes. Node only: the app gets it as a
 * PasswordHasher (server/auth/hasher.ts), so the in-browser mock backend never bundles it.
 */
import type { PasswordHasher } from './hasher';
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 256 * options.N * options.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  try {
    const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    return false; // cost parameters it cannot use: not a hash this code wrote
  }
}

export const scryptHasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };
