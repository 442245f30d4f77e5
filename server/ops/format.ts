// The data folder's format version, in a sidecar file FORMAT ("wenzheng-data <n>"): the
// least invasive marker. The journal's lines are hashed by the audit chain and db.json is
// rewritten by lowdb, so neither carries it. A folder with data and no FORMAT is format 1
// (every version before the marker). A newer program migrates an older folder at start,
// after keeping a copy; an older program refuses a newer folder instead of misreading it.
import { copyFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from './errors.js';

export const FORMAT_FILE = 'FORMAT';
/** 2: format 1 plus the FORMAT marker itself (no file changed shape). */
export const DATA_FORMAT = 2;
/** Where a migration keeps its copy of the folder as it was, inside the folder itself. */
export const UPGRADES_DIR = 'upgrades';
/** What a migration copies before it changes anything; media files are never rewritten. */
const KEPT = ['db.json', 'journal.jsonl', 'audit.jsonl', 'ballots'];

interface Migration {
  from: number;
  run(dir: string): Promise<void>;
}
/** Each step takes a folder of format `from` to `from + 1`. */
const MIGRATIONS: Migration[] = [{ from: 1, run: async () => undefined }];

const marker = (n: number) => `wenzheng-data ${n}\n`;

export async function readFormat(dir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(join(dir, FORMAT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const names = await readdir(dir).catch(() => [] as string[]);
    return names.some((n) => KEPT.includes(n)) ? 1 : null; // null: a new, empty folder
  }
  const m = /^wenzheng-data (\d+)\s*$/.exec(text);
  if (!m) throw new StartupError('DATA_FORMAT_UNREADABLE', `${join(dir, FORMAT_FILE)} is not a data format marker ("${text.slice(0, 40).trim()}").`);
  return Number(m[1]);
}

export interface FormatResult {
  /** The folder's format before this start: null for a new folder. */
  was: number | null;
  /** Set when an older folder was migrated: where its copy was kept. */
  keptCopy: string | null;
}

/** Bring the folder to DATA_FORMAT, or refuse one this version does not understand. */
export async function ensureFormat(dir: string, now = new Date()): Promise<FormatResult> {
  const was = await readFormat(dir);
  if (was === DATA_FORMAT) return { was, keptCopy: null };
  if (was !== null && was > DATA_FORMAT) {
    throw new StartupError(
      'DATA_FORMAT_NEWER',
      `The data folder ${dir} is in data format ${was}, written by a newer version of 问政表决台; this version understands format ${DATA_FORMAT} and older. ` +
        'Start the newer version again, or restore a backup made by this version (docs/OPERATIONS.md, "Upgrade").',
    );
  }
  let keptCopy: string | null = null;
  if (was !== null) {
    keptCopy = join(dir, UPGRADES_DIR, `format-${was}-${now.toISOString().replace(/[:.]/g, '-')}`);
    await mkdir(keptCopy, { recursive: true });
    for (const name of await readdir(dir)) {
      if (!KEPT.includes(name)) continue;
      if (name === 'ballots') await cp(join(dir, name), join(keptCopy, name), { recursive: true });
      else await copyFile(join(dir, name), join(keptCopy, name));
    }
    for (const m of MIGRATIONS) if (m.from >= was && m.from < DATA_FORMAT) await m.run(dir);
  }
  await writeFile(join(dir, FORMAT_FILE), marker(DATA_FORMAT));
  return { was, keptCopy };
}
