import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The EC3L data directory ${dataDir} is in use by another process (pid ${holderPid}). ` +
        'The embedded database allows one process at a time: stop that process (gateway or CLI), ' +
        'or point EC3L_DATA_DIR somewhere else.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * What a lock file says about its holder: its pid, when it started, and the pid namespace the pid is
 * valid in (a container has its own). Only the pid is present in files that earlier versions wrote.
 */
type Holder = { pid: number; started?: string; ns?: string };

const pidNamespace = (): string | undefined => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
};

/**
 * Whether a process that started at `started` runs among the processes this one can see. Start times
 * count from boot whatever the namespace, so this finds a holder in a container from outside it.
 */
const isStartTimeVisible = (started: string): boolean => {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return true;
  }
  return pids.some((pid) => processStartTime(Number(pid)) === started);
};

let bootId: string | undefined;
const readBootId = (): string => {
  bootId ??= (() => {
    try {
      return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      return 'unknown-boot';
    }
  })();
  return bootId;
};

/**
 * When a process started, as a string that no later process with the same pid can have: the boot id
 * and the start time in clock ticks from /proc/<pid>/stat on Linux, else the start time `ps` reports.
 * undefined when the process does not exist or the system tells nothing.
 */
export const processStartTime = (pid: number): string | undefined => {
  let stat: string | undefined;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    // /proc is there but the process is not: it is gone.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && procAvailable()) return undefined;
  }
  if (stat !== undefined) {
    // The command name (field 2) sits in parentheses and may itself contain spaces and parentheses;
    // the start time is field 22, the 20th after the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19];
    return ticks ? `${readBootId()}:${ticks}` : undefined;
  }
  try {
    const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return started ? `ps:${started}` : undefined;
  } catch {
    return undefined;
  }
};

const procAvailable = (): boolean => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const parseHolder = (text: string): Holder | undefined => {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const value = JSON.parse(trimmed) as Partial<Holder>;
    if (Number.isInteger(value.pid) && (value.pid as number) > 0)
      return {
        pid: value.pid as number,
        ...(typeof value.started === 'string' ? { started: value.started } : {}),
        ...(typeof value.ns === 'string' ? { ns: value.ns } : {}),
      };
  } catch {
    // Not a lock this code wrote: treated as stale below.
  }
  return undefined;
};

/** Directories this process holds: a lock file naming this pid that is not here is a former process's. */
const held = new Set<string>();

/**
 * Whether the holder named in a lock file still runs. A pid alone is not enough: after a SIGKILL the
 * next process may get the same pid (always pid 1 as a container's entrypoint), or an unrelated process
 * may reuse it, so the start time recorded with the pid must match too.
 */
const isHolderAlive = (holder: Holder, path: string): boolean => {
  const ns = pidNamespace();
  // A pid from another namespace means nothing here (pid 1 of a container is not this machine's init).
  // A holder this process cannot see is taken for gone: a container that was replaced by a new one.
  if (holder.ns !== undefined && ns !== undefined && holder.ns !== ns)
    return holder.started === undefined || isStartTimeVisible(holder.started);
  if (holder.pid === process.pid) return held.has(path);
  if (!isAlive(holder.pid)) return false;
  if (holder.started === undefined) return true;
  const started = processStartTime(holder.pid);
  // A system that cannot tell start times keeps the lock of a live pid: never share a directory.
  return started === undefined || started === holder.started;
};

export type DataDirLock = { readonly path: string; release(): void };

/**
 * Takes an exclusive lock on a data directory for this process, so two processes never open the
 * same embedded database (PGlite has no lock of its own). The lock names the holder by pid and start
 * time; a lock whose holder is gone, even when its pid now belongs to another process, is taken over.
 */
export const lockDataDir = (dataDir: string): DataDirLock => {
  mkdirSync(dataDir, { recursive: true });
  const path = join(resolve(dataDir), 'ec3l.lock');
  const ns = pidNamespace();
  const me: Holder = {
    pid: process.pid,
    started: processStartTime(process.pid) ?? `self:${Date.now()}`,
    ...(ns ? { ns } : {}),
  };
  const content = JSON.stringify(me);
  const unique = () => `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written aside, then linked into place: the lock file appears atomically with its content, so
    // nobody ever reads a half-written lock.
    const draft = unique();
    writeFileSync(draft, content);
    try {
      linkSync(draft, path);
      held.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(path);
        process.off('exit', release);
        try {
          if (readFileSync(path, 'utf8') === content) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
    let seen: string;
    try {
      seen = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const holder = parseHolder(seen);
    if (holder && isHolderAlive(holder, path)) throw new DataDirLockedError(dataDir, holder.pid);
    // Stale: moved aside rather than deleted, then checked, so that a process taking the same stale
    // lock over at the same moment never has its fresh lock deleted by this one.
    const aside = unique();
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readFileSync(aside, 'utf8');
    if (moved !== seen) {
      // Another process won the takeover: put its lock back and let the next round refuse.
      try {
        linkSync(aside, path);
      } catch {
        // A third process took the place meanwhile; the next round sees it.
      }
    }
    unlinkSync(aside);
  }
  throw new Error(`Could not lock ${dataDir}`);
};
