// A public edge runs on the internet and holds only what is on air (issue 17, docs/SECURITY.md):
// the code that reads the record, the links, logins and the ballot boxes is not even in its
// bundle. Checked on the bundle itself (esbuild's list of inputs), as `npm run build` makes it:
// type-only imports are not code, and what a bundle holds is what a compromised edge could run.
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const CORE_ONLY = /^server\/(auth|links|meetings|deputy-requests|login-guard|broadcast|head-views|app|main|store\/|supervision\/|plain\/|results\/|documents\/|import\/|seam\/core|seam\/transport|sockets\/(console|deputy|screen)\.ts)/;

it('[Y9] the public edge bundle holds no core module', async () => {
  const r = await build({ entryPoints: ['server/edge/main.ts'], bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(r.metafile.inputs).filter((p) => p.startsWith('server/'));
  expect(inputs).toContain('server/edge/edge.ts'); // the check reads real inputs
  expect(inputs.filter((p) => CORE_ONLY.test(p))).toEqual([]);
});
