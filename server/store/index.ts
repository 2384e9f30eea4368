// Durable investigation records: SQLite (one process) or PostgreSQL (N workers). The contract and shared pieces
// are in types.ts and rows.ts, the schema in migrations.ts, each backend in its own file; `openStore` picks one.
import { PostgresStore } from "./postgres.ts";
import { SqliteStore } from "./sqlite.ts";
import type { Store } from "./types.ts";

export * from "./types.ts";
export { MIGRATIONS } from "./migrations.ts";
export { SETUP_LOCK, withSetupLock, type SetupLockOptions } from "./pg-setup.ts";
export { PostgresStore } from "./postgres.ts";
export { SqliteStore, secureDataDir } from "./sqlite.ts";

export async function openStore(opts: { dataDir: string; databaseUrl?: string; schema?: string }): Promise<Store> {
  return opts.databaseUrl ? PostgresStore.open(opts.databaseUrl, opts.schema) : new SqliteStore(opts.dataDir);
}
