/**
 * A PGlite data directory belongs to one process at a time: two would corrupt it. The first to
 * open it writes its pid into a lock file; a second is refused with a clear message. A lock left
 * by a process that has died is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock. Returns a function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'lantern.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new DataDirInUseError(
          `Another Lantern process (pid ${holder}) is using the data directory ${dataDir}. Stop it first, or run this against a PostgreSQL server with DATABASE_URL.`,
        );
      }
      rmSync(file, { force: true }); // stale: its process has gone
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${dataDir}`);
}
