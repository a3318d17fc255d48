import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../../..');

/** schema.ts is generated from the committed OpenAPI document; `npm run openapi` refreshes both. */
describe('generated schema', () => {
  it('matches what openapi-typescript makes of apps/api/openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-client-'));
    try {
      const fresh = join(dir, 'schema.ts');
      execFileSync(
        join(root, 'node_modules/.bin/openapi-typescript'),
        [join(root, 'apps/api/openapi.json'), '-o', fresh],
        { stdio: 'pipe' },
      );
      expect(readFileSync(join(root, 'libs/api-client/src/schema.ts'), 'utf8')).toBe(
        readFileSync(fresh, 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
