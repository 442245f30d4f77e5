// Simulated disk faults, for the fault tests: a full disk (ENOSPC) or a read-only folder
// (EROFS) under a path, without root or a special file system. Every durable write in the
// store (journal, ballot boxes, audit log) passes through failIfFaulty() first. With no fault
// set, as in production, it does nothing.
const faults = new Map<string, 'ENOSPC' | 'EROFS'>();

export function setDiskFault(pathPrefix: string, code: 'ENOSPC' | 'EROFS' | null): void {
  if (code === null) faults.delete(pathPrefix);
  else faults.set(pathPrefix, code);
}

export function failIfFaulty(path: string): void {
  for (const [prefix, code] of faults) {
    if (path.startsWith(prefix)) {
      const message = code === 'ENOSPC' ? 'no space left on device' : 'read-only file system';
      throw Object.assign(new Error(`${code}: ${message}, write '${path}'`), { code, path });
    }
  }
}
