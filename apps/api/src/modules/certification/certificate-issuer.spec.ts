import { isEligible } from './certificate-issuer.service';

describe('isEligible', () => {
  it('holds exactly at the threshold and not below', () => {
    expect(isEligible(4, 5, 80)).toBe(true);
    expect(isEligible(3, 5, 80)).toBe(false);
    expect(isEligible(2, 3, 67)).toBe(false);
    expect(isEligible(2, 3, 66)).toBe(true);
  });

  it('certifies nobody when no session was held', () => {
    expect(isEligible(0, 0, 0)).toBe(false);
  });
});
