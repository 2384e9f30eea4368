// The evidence store: every raw vendor record of an investigation, written once when it is gathered, compressed,
// in the database that already holds the run's checkpoints (SQLite file or PostgreSQL schema). The graph state
// carries the normalised events and their ids; the report's evidence appendix and the review UI read the full
// records back by id. Writes are idempotent (a resumed gather writes the same rows again), so a run killed at any
// node boundary still finds every record.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { AuditEvent } from "../domain/events.ts";

export interface EvidenceRecord {
  source: string;
  id: string;
  raw: unknown;
}

export interface EvidenceStore {
  /** Stores the records of one investigation (ids already stored are kept as they are). */
  put(investigationId: string, records: EvidenceRecord[]): Promise<void>;
  /** The stored raw records of these event ids (missing ids are absent from the map). */
  get(investigationId: string, ids: readonly string[]): Promise<Map<string, unknown>>;
  /** How many records the investigation has stored. */
  count(investigationId: string): Promise<number>;
  /** Creates the table (PostgreSQL: call it under the set-up lock; otherwise on first use). */
  setup?(): Promise<void>;
}

/** zlib level: records are small JSON objects written on the critical path; level 1 keeps most of the gain. */
const LEVEL = 1;
const pack = (raw: unknown) => deflateRawSync(Buffer.from(JSON.stringify(raw ?? null)), { level: LEVEL });
const unpack = (blob: Uint8Array) => JSON.parse(inflateRawSync(blob).toString("utf8")) as unknown;

/** Records per INSERT on PostgreSQL (bounded by the 65 535 parameters of one statement). */
const PG_BATCH = 2000;

/** In the SQLite file the checkpointer uses (the rows live and die with the run's checkpoints). */
export function sqliteEvidenceStore(db: Database.Database): EvidenceStore {
  db.exec(`CREATE TABLE IF NOT EXISTS evidence (
    investigation_id TEXT NOT NULL, event_id TEXT NOT NULL, source TEXT NOT NULL, record BLOB NOT NULL,
    PRIMARY KEY (investigation_id, event_id)) WITHOUT ROWID`);
  const insert = db.prepare(`INSERT OR IGNORE INTO evidence (investigation_id, event_id, source, record) VALUES (?, ?, ?, ?)`);
  const one = db.prepare(`SELECT record FROM evidence WHERE investigation_id = ? AND event_id = ?`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM evidence WHERE investigation_id = ?`);
  const putAll = db.transaction((inv: string, records: EvidenceRecord[]) => {
    for (const r of records) insert.run(inv, r.id, r.source, pack(r.raw));
  });
  return {
    async put(inv, records) {
      if (records.length) putAll(inv, records);
    },
    async get(inv, ids) {
      const out = new Map<string, unknown>();
      for (const id of new Set(ids)) {
        const row = one.get(inv, id) as { record: Buffer } | undefined;
        if (row) out.set(id, unpack(row.record));
      }
      return out;
    },
    async count(inv) {
      return (count.get(inv) as { n: number }).n;
    },
  };
}

/** In the checkpointer's PostgreSQL schema (`<CASEFILE_PG_SCHEMA>_checkpoints`). */
export function postgresEvidenceStore(pool: pg.Pool, schema: string): EvidenceStore {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} is invalid; use lowercase letters, digits and _.`);
  const t = `"${schema}".evidence`;
  let ready: Promise<unknown> | undefined;
  const setup = () =>
    (ready ??= pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"; CREATE TABLE IF NOT EXISTS ${t} (
      investigation_id TEXT NOT NULL, event_id TEXT NOT NULL, source TEXT NOT NULL, record BYTEA NOT NULL,
      PRIMARY KEY (investigation_id, event_id))`).catch((e: Error) => {
      ready = undefined;
      throw new Error(`the evidence table ${t} could not be created (${e.message}); check that the user may create tables in that schema.`);
    }));
  return {
    async setup() {
      await setup();
    },
    async put(inv, records) {
      await setup();
      for (let i = 0; i < records.length; i += PG_BATCH) {
        const batch = records.slice(i, i + PG_BATCH);
        const values: unknown[] = [inv];
        const rows = batch.map((r, j) => {
          values.push(r.id, r.source, pack(r.raw));
          return `($1, $${3 * j + 2}, $${3 * j + 3}, $${3 * j + 4})`;
        });
        await pool.query(`INSERT INTO ${t} (investigation_id, event_id, source, record) VALUES ${rows.join(", ")} ON CONFLICT DO NOTHING`, values);
      }
    },
    async get(inv, ids) {
      await setup();
      const out = new Map<string, unknown>();
      if (!ids.length) return out;
      const res = await pool.query<{ event_id: string; record: Buffer }>(`SELECT event_id, record FROM ${t} WHERE investigation_id = $1 AND event_id = ANY($2::text[])`, [inv, [...new Set(ids)]]);
      for (const row of res.rows) out.set(row.event_id, unpack(row.record));
      return out;
    },
    async count(inv) {
      await setup();
      const res = await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${t} WHERE investigation_id = $1`, [inv]);
      return Number(res.rows[0]?.n ?? 0);
    },
  };
}

/** Process memory only: for tests and runs without a durable checkpointer. */
export function memoryEvidenceStore(): EvidenceStore {
  const rows = new Map<string, Buffer>();
  const key = (inv: string, id: string) => `${inv}\u0000${id}`;
  return {
    async put(inv, records) {
      for (const r of records) if (!rows.has(key(inv, r.id))) rows.set(key(inv, r.id), pack(r.raw));
    },
    async get(inv, ids) {
      const out = new Map<string, unknown>();
      for (const id of ids) {
        const blob = rows.get(key(inv, id));
        if (blob) out.set(id, unpack(blob));
      }
      return out;
    },
    async count(inv) {
      let n = 0;
      for (const k of rows.keys()) if (k.startsWith(`${inv}\u0000`)) n++;
      return n;
    },
  };
}

/** Network-reputation enrichment (threat intel, Tor, proxy, anonymiser flags) the analyst reads from a whole record. */
const REPUTATION = /threat_intel|tor_exit|residential_proxy|anonymi[sz]er|is_tor|"proxy"/i;

/**
 * What of a raw record stays in the graph state: only the parts the analysis reads (a Cloudflare v2 record's
 * resource request and response, for posture and instruction checks), or the whole record when it carries
 * network-reputation enrichment; everything else is in the evidence store.
 */
export function slimRaw(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object") return raw;
  if (REPUTATION.test(JSON.stringify(raw))) return raw;
  const resource = (raw as { resource?: unknown } | null | undefined)?.resource;
  if (!resource || typeof resource !== "object") return undefined;
  const { request, response } = resource as { request?: unknown; response?: unknown };
  if (request === undefined && response === undefined) return undefined;
  return { resource: { ...(request !== undefined ? { request } : {}), ...(response !== undefined ? { response } : {}) } };
}

/** The events as the state carries them (slim raw), and their full records for the evidence store. */
export function splitEvidence(events: AuditEvent[]): { events: AuditEvent[]; records: EvidenceRecord[] } {
  const records: EvidenceRecord[] = new Array(events.length);
  const slim: AuditEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    records[i] = { source: e.source, id: e.id, raw: e.raw };
    const s = slimRaw(e.raw);
    const { raw: _raw, ...rest } = e;
    slim[i] = s === undefined ? (rest as AuditEvent) : { ...rest, raw: s };
  }
  return { events: slim, records };
}

/** The events with their full raw records put back (for the report's evidence appendix). */
export async function withRecords(store: EvidenceStore | undefined, investigationId: string, events: AuditEvent[], ids: readonly string[]): Promise<AuditEvent[]> {
  if (!store || !ids.length) return events;
  // A cited id may be a merged twin's (the Cloudflare v1 copy): its row is the merged event's record.
  const wanted = new Set(ids);
  const fetch = events.filter((e) => wanted.has(e.id) || e.twin_ids?.some((t) => wanted.has(t))).map((e) => e.id);
  const records = await store.get(investigationId, fetch);
  if (!records.size) return events;
  return events.map((e) => (records.has(e.id) ? { ...e, raw: records.get(e.id) } : e));
}
