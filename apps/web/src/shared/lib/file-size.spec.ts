import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('picks the unit and writes the number in the reader’s language', () => {
    expect(formatFileSize(512, 'en')).toBe('512 byte');
    expect(formatFileSize(1536, 'en')).toBe('1.5 kB');
    expect(formatFileSize(5 * 1024 * 1024, 'fr')).toMatch(/^5\sMo$/);
    expect(formatFileSize(1.5 * 1024 * 1024, 'ar')).toMatch(/^1\.5\sم\.ب$/);
  });
});
