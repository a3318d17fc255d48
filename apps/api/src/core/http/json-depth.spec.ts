import { nestedDeeperThan } from './json-depth';

describe('nestedDeeperThan', () => {
  it('measures objects and arrays alike, the body itself being level 1', () => {
    expect(nestedDeeperThan({ a: { b: [1] } }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: { b: [{}] } }, 3)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan(null, 0)).toBe(false);
  });

  it('walks a body nested 500,000 levels without overflowing the stack', () => {
    const sut = JSON.parse(`${'['.repeat(500_000)}${']'.repeat(500_000)}`);
    expect(nestedDeeperThan(sut, 32)).toBe(true);
  });
});
