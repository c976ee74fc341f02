/**
 * The new-password policy beyond its length (12-128, NewPasswordSchema): no composition rules
 * (NIST SP 800-63B, ASVS V2.1), but common passwords are refused.
 */

/**
 * Common passwords of 12 characters or more (from public breach top lists, plus Danish
 * ones). Compared case-insensitively, ignoring spaces.
 */
const COMMON = new Set(
  `123456789012 1234567890123 12345678901234 123456789123 1234567891011 111111111111 000000000000
  123123123123 121212121212 112233445566 987654321098 qwertyuiopas qwertyuiop12 qwertyuiop123
  qwertyuiopå1 1qaz2wsx3edc 1q2w3e4r5t6y qazwsxedcrfv zaq12wsxcde3 asdfghjklæø1 asdfghjkl123
  password1234 password12345 password123456 passwordpassword password1! password2024 password2025
  password2026 passw0rd1234 p@ssw0rd1234 p@ssword1234 iloveyou1234 iloveyouforever letmein12345
  welcome12345 welcome123456 administrator admin1234567 adminadmin123 changeme1234 secret123456
  football1234 baseball1234 superman1234 batman123456 princess1234 sunshine1234 starwars1234
  trustno12345 dragon123456 monkey123456 master123456 whatever1234 michael12345 jennifer1234
  abcdefghijkl abcdefghijklm abc123abc123 abcd1234abcd aaaaaaaaaaaa testtest1234 test12345678
  kodeord12345 kodeord123456 kodeordkodeord adgangskode1 adgangskode12 adgangskode123 adgangskode1234
  hemmelig1234 hemmeligt123 sommer202424 sommerfugl12 sommerferie1 vinter123456 danmark12345
  danmark123456 danmark2024! horsens12345 horsens123456 horsenskommune kommunen1234 kommune12345
  velkommen123 velkommen1234 forårsdag123 jegelskerdig kærlighed123 københavn123 hejmeddig123
  hejhejhejhej qwerty123456 qwerty1234567 qwertyqwerty 1234qwerasdf correcthorsebatterystaple`
    .split(/\s+/)
    .filter(Boolean),
);

/** Why a new password is refused beyond its length (which NewPasswordSchema checks), or null. */
export function commonPasswordProblem(password: string, email?: string): 'password_common' | null {
  const folded = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON.has(folded)) return 'password_common';
  // One character repeated, or the user's own e-mail (or its name part).
  if (/^(.)\1*$/u.test(folded)) return 'password_common';
  if (email && (folded === email.toLowerCase() || folded === email.toLowerCase().split('@')[0])) return 'password_common';
  return null;
}
