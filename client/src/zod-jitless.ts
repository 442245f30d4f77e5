// Imported first by main.tsx, before any schema exists: zod would otherwise probe `new
// Function` to compile fast parsers, which the server's CSP (no 'unsafe-eval') refuses and
// reports as a violation on every page. The client parses few, small messages: the plain
// parser is fast enough. (The server keeps zod's compiled parsers.)
import './polyfills.js'; // before zod's module body, which calls BigInt (iOS 13 has none)
import { z } from 'zod';

z.config({ jitless: true });
