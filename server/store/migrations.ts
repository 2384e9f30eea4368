// The store's versioned schema, one step per version for SQLite and PostgreSQL.
/** Versioned schema; `{S}` is the PostgreSQL schema prefix (empty on SQLite). Never edit a shipped step: append. */
export const MIGRATIONS: { version: number; sqlite: string; postgres: string }[] = [
  {
    version: 1,
    sqlite: `
      CREATE TABLE investigations (
        id TEXT PRIMARY KEY, anomaly_id TEXT NOT NULL UNIQUE, actor TEXT NOT NULL, action TEXT NOT NULL,
        anomaly TEXT NOT NULL, coalesced TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL,
        verdict TEXT, confidence REAL, report_url TEXT, page_id TEXT, sources TEXT, result TEXT,
        errors TEXT NOT NULL DEFAULT '[]', prompt_versions TEXT, models TEXT,
        created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, attempts INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX investigations_actor ON investigations(actor, status);
      CREATE INDEX investigations_created ON investigations(created_at DESC, id DESC);
      CREATE TABLE anomalies (
        anomaly_id TEXT PRIMARY KEY, investigation_id TEXT NOT NULL REFERENCES investigations(id),
        anomaly TEXT NOT NULL, received_at TEXT NOT NULL);
      CREATE INDEX anomalies_investigation ON anomalies(investigation_id);
      CREATE TABLE webhook_ids (id TEXT PRIMARY KEY, digest TEXT NOT NULL, seen_at INTEGER NOT NULL);
      CREATE TABLE jobs (
        investigation_id TEXT PRIMARY KEY, state TEXT NOT NULL, owner TEXT, locked_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0, enqueued_at INTEGER NOT NULL);
      CREATE INDEX jobs_state ON jobs(state, enqueued_at);`,
    postgres: `
      CREATE TABLE {S}investigations (
        id TEXT PRIMARY KEY, anomaly_id TEXT NOT NULL UNIQUE, actor TEXT NOT NULL, action TEXT NOT NULL,
        anomaly JSONB NOT NULL, coalesced JSONB NOT NULL DEFAULT '[]', status TEXT NOT NULL,
        verdict TEXT, confidence DOUBLE PRECISION, report_url TEXT, page_id TEXT, sources JSONB, result JSONB,
        errors JSONB NOT NULL DEFAULT '[]', prompt_versions JSONB, models JSONB,
        created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, attempts INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX investigations_actor ON {S}investigations(actor, status);
      CREATE INDEX investigations_created ON {S}investigations(created_at DESC, id DESC);
      CREATE TABLE {S}anomalies (
        anomaly_id TEXT PRIMARY KEY, investigation_id TEXT NOT NULL REFERENCES {S}investigations(id),
        anomaly JSONB NOT NULL, received_at TEXT NOT NULL);
      CREATE INDEX anomalies_investigation ON {S}anomalies(investigation_id);
      CREATE TABLE {S}webhook_ids (id TEXT PRIMARY KEY, digest TEXT NOT NULL, seen_at BIGINT NOT NULL);`,
  },
  {
    // Expiring seen webhook ids runs on every delivery: without an index it scans the whole table.
    version: 2,
    sqlite: `CREATE INDEX webhook_ids_seen ON webhook_ids(seen_at);`,
    postgres: `CREATE INDEX webhook_ids_seen ON {S}webhook_ids(seen_at);`,
  },
];
