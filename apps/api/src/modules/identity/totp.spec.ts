import {
  base32Decode,
  base32Encode,
  matchingStep,
  newRecoveryCodes,
  recoveryCodeHash,
  totpCode,
} from './totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", 8 digits there; 6 here are its last 6.
  const secret = base32Encode(Buffer.from('12345678901234567890'));

  it('gives the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(secret, Math.floor(59 / 30))).toBe('287082');
    expect(totpCode(secret, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpCode(secret, Math.floor(1234567890 / 30))).toBe('005924');
    expect(totpCode(secret, Math.floor(2000000000 / 30))).toBe('279037');
  });

  it('round-trips base32', () => {
    expect(base32Decode(secret).toString()).toBe('12345678901234567890');
  });

  it('accepts the current and the previous step, not two steps back nor the next', () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchingStep(secret, totpCode(secret, step), now)).toBe(step);
    expect(matchingStep(secret, totpCode(secret, step - 1), now)).toBe(step - 1);
    expect(matchingStep(secret, totpCode(secret, step - 2), now)).toBeNull();
    expect(matchingStep(secret, 'abcdef', now)).toBeNull();
  });

  it('makes ten distinct recovery codes whose hash ignores case and the dash', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(recoveryCodeHash(codes[0].toUpperCase().replace('-', ' '))).toBe(recoveryCodeHash(codes[0]));
  });
});
