// Durable investigation records: SQLite (one process) or PostgreSQL (N workers). The contract and shared pieces
// are in types.ts and rows.ts, the schema in migrations.ts, each backend in its own file (the service opens the one its settings name).
export * from "./types.ts";
export { MIGRATIONS } from "./migrations.ts";
export { withSetupLock } from "./pg-setup.ts";
export { PostgresStore } from "./postgres.ts";
export { SqliteStore, secureDataDir } from "./sqlite.ts";
