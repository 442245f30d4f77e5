// A small structured logger: one JSON line per entry to stderr, or silent in tests.
// Rule: never log a ballot's content next to who cast it.
export interface Logger {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

export function consoleLogger(): Logger {
  const line = (level: string) => (fields: Record<string, unknown>, msg: string) => {
    process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
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
