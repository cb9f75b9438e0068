/**
 * One interface over embedded PGlite and a PostgreSQL server. Feature code gets a Database and
 * cannot tell which one it has: the same Kysely builder, the same types back from every query.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './tables.js';

export interface ScriptSession {
  /** A script of one or more statements, with no parameters (our own migration files). */
  exec(script: string): Promise<void>;
  /** One statement with bound parameters. */
  query<Row>(statement: string, params?: unknown[]): Promise<Row[]>;
}

export type DatabaseKind = 'pglite' | 'postgres';
export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;
/** Either the database or a transaction: query helpers accept both. */
export type Queryable = Db | Tx;

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction on a raw session that accepts multi-statement scripts.
   * For migrations only: feature code uses `db` and `transaction`.
   */
  scriptSession<T>(work: (session: ScriptSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Type parsers both drivers share, so results look the same whichever database is in use. */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  // int8: counts and sums. Safe as numbers well past any partnership's volumes.
  20: (value) => Number(value),
  // numeric: scores and weights.
  1700: (value) => Number(value),
  // date: keep as 'YYYY-MM-DD' text; a Date would shift it by the server's time zone.
  1082: (value) => value,
};
