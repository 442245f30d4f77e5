// The version a support call asks for: the same in /api/health as in package.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../test/harness.js';
import { DATA_FORMAT } from './format.js';

describe('version', () => {
  it('GET /api/health says the version and the data format', async () => {
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const h = await startServer();
    try {
      const body = (await (await fetch(`${h.url}/api/health`)).json()) as { version: string; dataFormat: number };
      expect(body.version).toBe(pkg.version);
      expect(body.dataFormat).toBe(DATA_FORMAT);
    } finally {
      await h.close();
    }
  });
});
