import { ERROR_CODES } from '@mre/contracts';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

const LANGUAGES = { ar, fr, en };

/** Every key path of a translation tree, as `a.b.c`; plural forms (Arabic has six) count as one. */
function keys(tree: object, prefix = ''): string[] {
  const paths = Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
  return [...new Set(paths.map((path) => path.replace(/_(zero|one|two|few|many|other)$/, '')))];
}

describe('translations', () => {
  it('say the same things in Arabic, French and English', () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('have a sentence for every error code the API answers, and none for a code it does not', () => {
    for (const [language, tree] of Object.entries(LANGUAGES)) {
      const codes = tree.errors.codes as Record<string, string>;
      expect({ language, codes: Object.keys(codes).sort() }).toEqual({
        language,
        codes: [...ERROR_CODES].sort(),
      });
      for (const code of ERROR_CODES)
        expect(codes[code].trim().length, `${language} ${code}`).toBeGreaterThan(0);
    }
  });
});
