import type { DatabaseConfig } from '../config.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Opens the database the config names: embedded PGlite by default, a server with DATABASE_URL. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'postgres'
    ? openPostgres({ url: config.url })
    : openPglite({ dataDir: config.dataDir });
}
