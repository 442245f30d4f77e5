// Structured logs through pino: one JSON line per entry ({"level":"info","time":...,"msg":...})
// to stderr, and with LOG_FILE also to a file rotated daily or at 20 MB (pino-roll), keeping
// 14. stdout stays for the human banner. Silent in tests (memoryLogger).
// Rule: never log a ballot's content next to who cast it; never a token or a password. The
// callers only pass ids and counts; the redaction below is the second line of defence.
import { pino, type DestinationStream } from 'pino';

export interface Logger {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

/** Field names whose values never reach a log line, at the top level or one level down. */
export const REDACTED_KEYS = ['password', 'passwordHash', 'token', 'session', 'authorization', 'cookie', 'content', 'choice', 'choices', 'score', 'scores', 'changeKey'];
const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]);

/** A pino logger writing to `dest`; `level` from LOG_LEVEL (default info). */
export function pinoLogger(dest: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) }, // "warn", not 40: readable by grep
      redact: { paths, censor: '[redacted]' },
    },
    dest,
  );
}

export function consoleLogger(): Logger {
  return pinoLogger(pino.destination({ dest: 2, sync: true })); // sync: a crash loses no line
}

/** stderr and, when `file` is given, a rotating log file beside it (e.g. /var/log/wenzheng/server.log). */
export async function productionLogger(file: string | undefined): Promise<Logger> {
  if (!file) return consoleLogger();
  const { default: roll } = await import('pino-roll');
  const rolled = await roll({ file, frequency: 'daily', size: '20m', mkdir: true, limit: { count: 14 } });
  return pinoLogger(pino.multistream([{ stream: pino.destination({ dest: 2, sync: true }) }, { stream: rolled }]));
}

export interface MemoryLogger extends Logger {
  readonly lines: { level: string; msg: string; fields: Record<string, unknown> }[];
}

export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  const line = (level: string) => (fields: Record<string, unknown>, msg: string) => {
    lines.push({ level, msg, fields });
  };
  return { lines, info: line('info'), warn: line('warn'), error: line('error') };
}
