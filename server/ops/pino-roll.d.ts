// pino-roll ships no types: the part of its API server/logger.ts uses.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface Options {
    file: string | (() => string);
    frequency?: 'daily' | 'hourly' | number;
    size?: string | number;
    mkdir?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    symlink?: boolean;
  }
  export default function build(opts: Options): Promise<DestinationStream>;
}
