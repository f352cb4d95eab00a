import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';

// Small parameters keep the unit tests fast; the format and the checks are the same.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('encodes the parameters, a salt and the key in the hash string', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const hash = await hashPassword('s3cret-password', FAST);
    expect(await verifyPassword('s3cret-passwore', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so the same password never gives the same string', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password', FAST),
      hashPassword('same password', FAST),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('verifies with the parameters stored in the hash, not the current defaults', async () => {
    const hash = await hashPassword('older hash', FAST);
    expect(hash.startsWith('scrypt$N=1024,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('older hash', hash)).toBe(true);
  });

  it('treats Unicode passwords in composed and decomposed form alike', async () => {
    const hash = await hashPassword('caf\u00e9-au-lait', FAST);
    expect(await verifyPassword('cafe\u0301-au-lait', hash)).toBe(true);
  });

  it('answers false, never throws, for malformed or hostile hash strings', async () => {
    const good = await hashPassword('pw-pw-pw-pw', FAST);
    const salt = good.split('$')[2];
    for (const stored of [
      '',
      'unused',
      'bcrypt$2b$10$abc',
      'scrypt$N=1000,r=8,p=1$c2FsdA==$a2V5', // N not a power of two
      `scrypt$N=${2 ** 30},r=8,p=1$${salt}$a2V5`, // would need gigabytes
      'scrypt$N=1024,r=8,p=1$c2FsdA==$', // no key
    ]) {
      expect(await verifyPassword('pw-pw-pw-pw', stored), stored).toBe(false);
    }
  });
});
