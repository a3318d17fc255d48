import { validateEnvironment } from '@/core/config/environment';
import { parseTrustProxy } from './http-server-options';

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(parseTrustProxy(validateEnvironment({}).TRUST_PROXY)).toBe(false);
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
  });

  it('takes true, a number of hops, or trusted addresses', () => {
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
  });

  it('stops the start on a value that is none of these', () => {
    expect(() => validateEnvironment({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
