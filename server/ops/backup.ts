// npm run backup [-- <out folder>] and npm run restore -- <backup folder> <data folder>.
// A backup is a folder: the data files and MANIFEST.json (version, data format, SHA-256 of
// every file). No archive library is installed and none is needed: a folder copies to a USB
// stick, and `tar czf` on it makes an archive when one is wanted.
//
// Consistent while the server runs, without stopping it: the journal and the audit log are
// only appended to, so the backup takes each one's length at one moment (audit first: it
// follows the journal), cut at the last complete line, then the ballot boxes after (a ballot
// is in its box before its journal record, and a box's ballots without a record in the copied
// journal are pending, not counted), then db.json (replaced whole by rename, never half
// written) and the media files (never rewritten). Then the copy is checked with the same
// checks as `npm run verify`; a box caught mid-write fails them, and the copy is taken again.
import { SUPERVISION_FILE } from '../supervision/journal.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { verifyDataDir, type VerifyReport } from '../audit/verify-data.js';
import { AUDIT_FILE } from '../audit/audit-log.js';
import { BALLOTS_DIR } from '../store/boxes.js';
import { JOURNAL_FILE } from '../store/load.js';
import { DATA_FORMAT, FORMAT_FILE, readFormat } from './format.js';
import { runningServer } from './lock.js';
import { VERSION } from './version.js';

export const MANIFEST = 'MANIFEST.json';
const ATTEMPTS = 5;

export interface Manifest {
  app: 'wenzheng';
  version: string;
  dataFormat: number;
  createdAt: string;
  source: string;
  files: { path: string; size: number; sha256: string }[];
}

class BackupError extends Error {}

/** The first `len` bytes of a file, cut after its last newline (an append in progress is left out). */
async function prefix(path: string, len?: number): Promise<Buffer> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (!fh) return Buffer.alloc(0);
  try {
    const size = len ?? (await fh.stat()).size;
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    const end = buf.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
    return buf.subarray(0, end);
  } finally {
    await fh.close();
  }
}

async function files(dir: string, sub: string): Promise<string[]> {
  const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const rel = join(sub, e.name);
    if (e.isDirectory()) out.push(...(await files(dir, rel)));
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(rel);
  }
  return out.sort();
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function copyOnce(src: string, out: string): Promise<void> {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const audit = await prefix(join(src, AUDIT_FILE)); // audit first: it never runs ahead of the journal
  const journal = await prefix(join(src, JOURNAL_FILE));
  await writeFile(join(out, AUDIT_FILE), audit);
  await writeFile(join(out, JOURNAL_FILE), journal);
  // The year's supervision record (server/supervision/journal.ts): whole lines only, like the journal.
  await writeFile(join(out, SUPERVISION_FILE), await prefix(join(src, SUPERVISION_FILE)));
  for (const rel of await files(src, BALLOTS_DIR)) {
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await writeFile(join(out, rel), await readFile(join(src, rel))); // one read: a box changes in place
  }
  for (const rel of ['db.json', FORMAT_FILE, ...(await files(src, 'media'))]) {
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await copyFile(join(src, rel), join(out, rel)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
  }
}

async function manifestOf(dir: string, source: string): Promise<Manifest> {
  const list: Manifest['files'] = [];
  for (const rel of await files(dir, '')) {
    if (rel === MANIFEST) continue;
    list.push({ path: rel.split('\\').join('/'), size: (await stat(join(dir, rel))).size, sha256: await sha256(join(dir, rel)) });
  }
  return { app: 'wenzheng', version: VERSION, dataFormat: (await readFormat(dir)) ?? DATA_FORMAT, createdAt: new Date().toISOString(), source, files: list };
}

export async function backup(src: string, out: string): Promise<{ manifest: Manifest; report: VerifyReport; attempts: number }> {
  if ((await readFormat(src)) === null) throw new BackupError(`${src} holds no data to back up (no journal, db.json or ballots).`);
  await stat(out).then(
    () => Promise.reject(new BackupError(`${out} exists already: choose a new folder for the backup.`)),
    () => undefined,
  );
  let report: VerifyReport | null = null;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await copyOnce(src, out);
    report = await verifyDataDir(out);
    if (report.ok) {
      const manifest = await manifestOf(out, src);
      await writeFile(join(out, MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
      return { manifest, report, attempts: attempt };
    }
  }
  await rm(out, { recursive: true, force: true });
  throw new BackupError(`the copy did not pass verify after ${ATTEMPTS} attempts: ${report?.problems.slice(0, 3).join('; ')}. Run npm run verify on ${src}.`);
}

/** Check a backup folder against its manifest: every file present, same size and SHA-256. */
export async function checkManifest(dir: string): Promise<Manifest> {
  const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8').catch(() => '{}')) as Partial<Manifest>;
  if (m.app !== 'wenzheng' || !Array.isArray(m.files)) throw new BackupError(`${dir} is not a 问政表决台 backup (no ${MANIFEST}).`);
  for (const f of m.files) {
    const p = join(dir, f.path);
    const got = await sha256(p).catch(() => 'missing');
    if (got !== f.sha256) throw new BackupError(`backup damaged: ${f.path} ${got === 'missing' ? 'is missing' : 'does not match its SHA-256'}.`);
  }
  return m as Manifest;
}

export async function restore(from: string, to: string): Promise<{ manifest: Manifest; report: VerifyReport }> {
  const manifest = await checkManifest(from);
  if (manifest.dataFormat > DATA_FORMAT) throw new BackupError(`the backup is in data format ${manifest.dataFormat}, newer than this version understands (${DATA_FORMAT}); restore it with version ${manifest.version} or later.`);
  if (runningServer(to)) throw new BackupError(`a server is running on ${to}: stop it first.`);
  const existing = await readdir(to).catch(() => [] as string[]);
  if (existing.length > 0) throw new BackupError(`${to} is not empty: restore into a new folder, then point DATA_DIR at it (the old folder stays as it was).`);
  for (const f of manifest.files) {
    await mkdir(dirname(join(to, f.path)), { recursive: true });
    await copyFile(join(from, f.path), join(to, f.path));
  }
  const report = await verifyDataDir(to);
  if (!report.ok) throw new BackupError(`the restored folder does not pass verify: ${report.problems.slice(0, 3).join('; ')}`);
  return { manifest, report };
}

function describe(r: VerifyReport): string {
  const f = r.figures;
  return `meetings ${f.meetings}, journal records ${f.records}, ballots ${f.ballots}, audit entries ${f.auditEntries}; verify OK (chain head ${f.chainHead ?? '(empty)'})`;
}

if (process.argv[1] && /backup\.(ts|js)$/.test(process.argv[1])) {
  const [cmd, a, b] = process.argv.slice(2);
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  try {
    if (cmd === 'restore') {
      if (!a || !b) throw new BackupError('usage: npm run restore -- <backup folder> <new data folder>');
      const r = await restore(resolve(a), resolve(b));
      process.stdout.write(`Restored ${resolve(a)} (version ${r.manifest.version}, ${r.manifest.createdAt}) into ${resolve(b)}: ${describe(r.report)}\nStart with DATA_DIR=${resolve(b)}\n`);
    } else {
      const out = resolve(a ?? join('backups', `wenzheng-${new Date().toISOString().replace(/[:.]/g, '-')}`));
      const r = await backup(dataDir, out);
      process.stdout.write(`Backup of ${dataDir} in ${out} (${r.manifest.files.length} files and ${MANIFEST}${r.attempts > 1 ? `, taken ${r.attempts} times: files were being written` : ''}):\n  ${describe(r.report)}\n`);
    }
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    process.stderr.write(`问政表决台 ${cmd === 'restore' ? 'restore' : 'backup'}: ${e.message}\n`);
    process.exitCode = 2;
  }
}
