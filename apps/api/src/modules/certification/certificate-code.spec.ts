import { CODE_LENGTH, newCertificateCode, normalizeCertificateCode } from './certificate-code';

describe('certificate codes', () => {
  it('are 32 base32 characters and differ every time', () => {
    const codes = Array.from({ length: 1000 }, newCertificateCode);
    expect(codes.every((c) => c.length === CODE_LENGTH && /^[A-Z2-7]+$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are read back whatever the case, spaces and dashes', () => {
    const code = newCertificateCode();
    expect(normalizeCertificateCode(code.toLowerCase().replace(/(.{4})/g, '$1-'))).toBe(code);
    expect(normalizeCertificateCode('not-a-code')).toBeNull();
    expect(normalizeCertificateCode('0'.repeat(CODE_LENGTH))).toBeNull();
  });
});
