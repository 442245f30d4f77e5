// The version this copy is: from package.json, bundled into dist by esbuild (a JSON import),
// so the release archive, the console and /api/health all say the same.
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
