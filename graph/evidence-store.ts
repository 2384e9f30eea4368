// The evidence store: what an investigation gathered, kept out of the graph state, in the database that already
// holds the run's checkpoints (SQLite file or PostgreSQL schema), compressed. Three tables:
// - `evidence_packs` and `evidence_records`: every raw vendor record, written once; the records of one write are
//   compressed together, up to PACK (200) of them per pack (one zlib stream each, far cheaper than one per record), and
//   `evidence_records` says by event id which pack holds a record and where (the report's evidence appendix and
//   the review UI read the full records back by id). A pack and its index rows are written in one transaction;
//   a pack that holds no new id (a resumed gather writing again) is not kept. (The `evidence` table of earlier
//   versions, one compressed record per row, is no longer read.)
// - `evidence_batches`: named batches of JSON values in chunks — each gather's normalised events (with only what
//   the analysis reads of a record, see slimRaw) and the correlate node's output. A batch is replaced whole, so a
//   resumed node writes the same rows again.
// The state keeps only how many events each gather wrote; the nodes that need the events read them back here.
// Writes are idempotent, so a run killed at any node boundary still finds everything it gathered.
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { deflateRaw, inflateRawSync } from "node:zlib";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { AuditEvent } from "../domain/events.ts";

export interface EvidenceRecord {
  source: string;
  id: string;
  raw: unknown;
  /** JSON.stringify(raw ?? null) when the caller has it already (it is not made twice). */
  text?: string;
}

export interface EvidenceStore {
  /** Stores the records of one investigation (ids already stored are kept as they are). */
  put(investigationId: string, records: EvidenceRecord[]): Promise<void>;
  /** The stored raw records of these event ids (missing ids are absent from the map). */
  get(investigationId: string, ids: readonly string[]): Promise<Map<string, unknown>>;
  /** How many records the investigation has stored. */
  count(investigationId: string): Promise<number>;
  /** Replaces the named batch of the investigation with these values (plain JSON). */
  putBatch(investigationId: string, name: string, values: readonly unknown[]): Promise<void>;
  /** The values of the named batch in the order written; [] when there is none. */
  getBatch(investigationId: string, name: string): Promise<unknown[]>;
  /** Creates the tables (PostgreSQL: call it under the set-up lock; otherwise on first use). */
  setup?(): Promise<void>;
}

/** zlib level: records are small JSON objects written on the critical path; level 1 keeps most of the gain. */
const LEVEL = 1;
/** Compresses on libuv's thread pool: the event loop (the other gather's pages, the model call) keeps running. */
const deflate = promisify(deflateRaw);
const compress = (data: string | Buffer) => deflate(data, { level: LEVEL });
const pack = (raw: unknown) => compress(Buffer.from(JSON.stringify(raw ?? null)));
const unpack = (blob: Uint8Array) => JSON.parse(inflateRawSync(blob).toString("utf8")) as unknown;

/** Values per chunk of a batch: one JSON text and one zlib stream each, a few hundred kilobytes for events. */
const CHUNK = 2000;
function packChunks(values: readonly unknown[]): Promise<Buffer[]> {
  const out: Promise<Buffer>[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(pack(values.slice(i, i + CHUNK)));
  return Promise.all(out);
}
const unpackChunks = (blobs: Uint8Array[]): unknown[] => blobs.flatMap((b) => unpack(b) as unknown[]);

/** Raw records per pack: a read by id decompresses one pack, so a pack stays a few hundred kilobytes. */
const PACK = 200;
/** Where a record sits in its pack: the pack's key, and the record's JSON text as a byte range of the pack. */
interface Located {
  pack: string;
  start: number;
  len: number;
}
/** One pack of raw records to write: its key, the records' JSON texts one after another, compressed. */
interface RecordPack {
  key: string;
  data: Buffer;
  rows: (Located & { id: string; source: string })[];
}
/** The records (first of each id kept, as a stored id is) in packs of PACK, each under a fresh key. */
function packRecords(records: readonly EvidenceRecord[]): Promise<RecordPack[]> {
  const seen = new Set<string>();
  const unique = records.filter((r) => !seen.has(r.id) && seen.add(r.id));
  const out: Promise<RecordPack>[] = [];
  for (let i = 0; i < unique.length; i += PACK) {
    const key = randomUUID();
    const texts: string[] = [];
    const rows: RecordPack["rows"] = [];
    let start = 0;
    for (const r of unique.slice(i, i + PACK)) {
      const text = r.text ?? JSON.stringify(r.raw ?? null);
      texts.push(text);
      const len = Buffer.byteLength(text);
      rows.push({ id: r.id, source: r.source, pack: key, start, len });
      start += len;
    }
    out.push(compress(texts.join("")).then((data) => ({ key, data, rows })));
  }
  return Promise.all(out);
}
/** Reads records out of their packs, decompressing each pack once and parsing only the records asked for. */
async function readPacked(ids: readonly string[], locate: (id: string) => Located | undefined, load: (key: string) => Promise<Uint8Array | undefined>) {
  const out = new Map<string, unknown>();
  const opened = new Map<string, Buffer | undefined>();
  for (const id of new Set(ids)) {
    const at = locate(id);
    if (!at) continue;
    if (!opened.has(at.pack)) {
      const blob = await load(at.pack);
      opened.set(at.pack, blob ? inflateRawSync(blob) : undefined);
    }
    const bytes = opened.get(at.pack);
    if (bytes && at.start + at.len <= bytes.length) out.set(id, JSON.parse(bytes.toString("utf8", at.start, at.start + at.len)));
  }
  return out;
}

/** In the SQLite file the checkpointer uses (the rows live and die with the run's checkpoints). */
export function sqliteEvidenceStore(db: Database.Database): EvidenceStore {
  db.exec(`CREATE TABLE IF NOT EXISTS evidence_packs (
    investigation_id TEXT NOT NULL, pack TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (investigation_id, pack));
  CREATE TABLE IF NOT EXISTS evidence_records (
    investigation_id TEXT NOT NULL, event_id TEXT NOT NULL, source TEXT NOT NULL, pack TEXT NOT NULL, start INTEGER NOT NULL,
    len INTEGER NOT NULL, PRIMARY KEY (investigation_id, event_id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS evidence_batches (
    investigation_id TEXT NOT NULL, batch TEXT NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (investigation_id, batch, chunk))`);
  const insertPack = db.prepare(`INSERT INTO evidence_packs (investigation_id, pack, data) VALUES (?, ?, ?)`);
  const dropPack = db.prepare(`DELETE FROM evidence_packs WHERE investigation_id = ? AND pack = ?`);
  const insertRow = db.prepare(`INSERT OR IGNORE INTO evidence_records (investigation_id, event_id, source, pack, start, len) VALUES (?, ?, ?, ?, ?, ?)`);
  const locate = db.prepare(`SELECT pack, start, len FROM evidence_records WHERE investigation_id = ? AND event_id = ?`);
  const onePack = db.prepare(`SELECT data FROM evidence_packs WHERE investigation_id = ? AND pack = ?`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM evidence_records WHERE investigation_id = ?`);
  const dropBatch = db.prepare(`DELETE FROM evidence_batches WHERE investigation_id = ? AND batch = ?`);
  const insertChunk = db.prepare(`INSERT INTO evidence_batches (investigation_id, batch, chunk, data) VALUES (?, ?, ?, ?)`);
  const chunks = db.prepare(`SELECT data FROM evidence_batches WHERE investigation_id = ? AND batch = ? ORDER BY chunk`);
  const putAll = db.transaction((inv: string, packs: RecordPack[]) => {
    for (const p of packs) {
      insertPack.run(inv, p.key, p.data);
      let added = 0;
      for (const r of p.rows) added += insertRow.run(inv, r.id, r.source, p.key, r.start, r.len).changes;
      if (!added) dropPack.run(inv, p.key);
    }
  });
  const replaceBatch = db.transaction((inv: string, name: string, blobs: Buffer[]) => {
    dropBatch.run(inv, name);
    blobs.forEach((blob, i) => insertChunk.run(inv, name, i, blob));
  });
  return {
    async put(inv, records) {
      if (records.length) putAll(inv, await packRecords(records));
    },
    async get(inv, ids) {
      return readPacked(
        ids,
        (id) => locate.get(inv, id) as Located | undefined,
        async (key) => (onePack.get(inv, key) as { data: Buffer } | undefined)?.data,
      );
    },
    async count(inv) {
      return (count.get(inv) as { n: number }).n;
    },
    async putBatch(inv, name, values) {
      replaceBatch(inv, name, await packChunks(values));
    },
    async getBatch(inv, name) {
      return unpackChunks((chunks.all(inv, name) as { data: Buffer }[]).map((r) => r.data));
    },
  };
}

/** In the checkpointer's PostgreSQL schema (`<CASEFILE_PG_SCHEMA>_checkpoints`). */
export function postgresEvidenceStore(pool: pg.Pool, schema: string): EvidenceStore {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} is invalid; use lowercase letters, digits and _.`);
  const tp = `"${schema}".evidence_packs`;
  const tr = `"${schema}".evidence_records`;
  const tb = `"${schema}".evidence_batches`;
  let ready: Promise<unknown> | undefined;
  const setup = () =>
    (ready ??= pool
      .query(`CREATE SCHEMA IF NOT EXISTS "${schema}"; CREATE TABLE IF NOT EXISTS ${tp} (
      investigation_id TEXT NOT NULL, pack TEXT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (investigation_id, pack));
      CREATE TABLE IF NOT EXISTS ${tr} (
      investigation_id TEXT NOT NULL, event_id TEXT NOT NULL, source TEXT NOT NULL, pack TEXT NOT NULL, start INTEGER NOT NULL,
      len INTEGER NOT NULL, PRIMARY KEY (investigation_id, event_id)); CREATE TABLE IF NOT EXISTS ${tb} (
      investigation_id TEXT NOT NULL, batch TEXT NOT NULL, chunk INTEGER NOT NULL, data BYTEA NOT NULL,
      PRIMARY KEY (investigation_id, batch, chunk))`)
      .catch((e: Error) => {
        ready = undefined;
        throw new Error(`the evidence tables of schema "${schema}" could not be created (${e.message}); check that the user may create tables in that schema.`);
      }));
  /** Runs `work` in one transaction: readers see all of its writes or none. */
  const inTransaction = async (work: (client: pg.PoolClient) => Promise<void>) => {
    await setup();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await work(client);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  };
  return {
    async setup() {
      await setup();
    },
    async put(inv, records) {
      if (!records.length) return;
      const packs = await packRecords(records);
      await inTransaction(async (client) => {
        for (const p of packs) {
          await client.query(`INSERT INTO ${tp} (investigation_id, pack, data) VALUES ($1, $2, $3)`, [inv, p.key, p.data]);
          const values: unknown[] = [inv, p.key];
          const rows = p.rows.map((r, j) => {
            values.push(r.id, r.source, r.start, r.len);
            return `($1, $${4 * j + 3}, $${4 * j + 4}, $2, $${4 * j + 5}, $${4 * j + 6})`;
          });
          const res = await client.query(`INSERT INTO ${tr} (investigation_id, event_id, source, pack, start, len) VALUES ${rows.join(", ")} ON CONFLICT DO NOTHING`, values);
          if (!res.rowCount) await client.query(`DELETE FROM ${tp} WHERE investigation_id = $1 AND pack = $2`, [inv, p.key]);
        }
      });
    },
    async get(inv, ids) {
      await setup();
      if (!ids.length) return new Map();
      const at = await pool.query<Located & { event_id: string }>(`SELECT event_id, pack, start, len FROM ${tr} WHERE investigation_id = $1 AND event_id = ANY($2::text[])`, [inv, [...new Set(ids)]]);
      const where = new Map(at.rows.map((r) => [r.event_id, r]));
      const packs = await pool.query<{ pack: string; data: Buffer }>(`SELECT pack, data FROM ${tp} WHERE investigation_id = $1 AND pack = ANY($2::text[])`, [inv, [...new Set(at.rows.map((r) => r.pack))]]);
      const data = new Map(packs.rows.map((r) => [r.pack, r.data]));
      return readPacked(ids, (id) => where.get(id), async (key) => data.get(key));
    },
    async count(inv) {
      await setup();
      const res = await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${tr} WHERE investigation_id = $1`, [inv]);
      return Number(res.rows[0]?.n ?? 0);
    },
    async putBatch(inv, name, values) {
      await setup();
      const blobs = await packChunks(values);
      // one transaction: readers see the old batch or the new one, never a mix
      await inTransaction(async (client) => {
        await client.query(`DELETE FROM ${tb} WHERE investigation_id = $1 AND batch = $2`, [inv, name]);
        for (const [i, blob] of blobs.entries()) await client.query(`INSERT INTO ${tb} (investigation_id, batch, chunk, data) VALUES ($1, $2, $3, $4)`, [inv, name, i, blob]);
      });
    },
    async getBatch(inv, name) {
      await setup();
      const res = await pool.query<{ data: Buffer }>(`SELECT data FROM ${tb} WHERE investigation_id = $1 AND batch = $2 ORDER BY chunk`, [inv, name]);
      return unpackChunks(res.rows.map((r) => r.data));
    },
  };
}

/** Process memory only: for tests and runs without a durable checkpointer. */
export function memoryEvidenceStore(): EvidenceStore {
  const packs = new Map<string, Buffer>();
  const rows = new Map<string, Located>();
  const batches = new Map<string, Buffer[]>();
  const key = (inv: string, id: string) => `${inv}\u0000${id}`;
  return {
    async put(inv, records) {
      for (const p of await packRecords(records)) {
        const fresh = p.rows.filter((r) => !rows.has(key(inv, r.id)));
        if (!fresh.length) continue;
        packs.set(p.key, p.data);
        for (const r of fresh) rows.set(key(inv, r.id), { pack: r.pack, start: r.start, len: r.len });
      }
    },
    async get(inv, ids) {
      return readPacked(ids, (id) => rows.get(key(inv, id)), async (k) => packs.get(k));
    },
    async count(inv) {
      let n = 0;
      for (const k of rows.keys()) if (k.startsWith(`${inv}\u0000`)) n++;
      return n;
    },
    async putBatch(inv, name, values) {
      batches.set(key(inv, name), await packChunks(values));
    },
    async getBatch(inv, name) {
      return unpackChunks(batches.get(key(inv, name)) ?? []);
    },
  };
}

/** An evidence store that also keeps, in memory, the batches of the passes in progress. */
export interface CachedEvidenceStore extends EvidenceStore {
  /** Forgets the investigation's batches: its next pass reads them from the database again. */
  release(investigationId: string): void;
}

/**
 * The store with the batches of the runs in progress kept in memory as well, so a node reads back what an earlier
 * node of the same pass wrote without decompressing it again (the values are shared, as the graph state's values
 * are: nodes do not modify them). The investigator releases an investigation when a pass through the graph ends,
 * so a later pass (a resume, an amendment, maybe after another process ran it) reads the database.
 */
export function cachedEvidenceStore(inner: EvidenceStore): CachedEvidenceStore {
  const held = new Map<string, Map<string, readonly unknown[]>>();
  const hold = (inv: string, name: string, values: readonly unknown[]) => {
    let batches = held.get(inv);
    if (!batches) held.set(inv, (batches = new Map()));
    batches.set(name, values);
  };
  return {
    put: (inv, records) => inner.put(inv, records),
    get: (inv, ids) => inner.get(inv, ids),
    count: (inv) => inner.count(inv),
    ...(inner.setup ? { setup: () => inner.setup!() } : {}),
    async putBatch(inv, name, values) {
      await inner.putBatch(inv, name, values);
      hold(inv, name, values);
    },
    async getBatch(inv, name) {
      const hit = held.get(inv)?.get(name);
      if (hit) return [...hit];
      const values = await inner.getBatch(inv, name);
      hold(inv, name, values);
      return [...values];
    },
    release(inv) {
      held.delete(inv);
    },
  };
}

/** Network-reputation enrichment (threat intel, Tor, proxy, anonymiser flags) the analyst reads from a whole record. */
const REPUTATION = /threat_intel|tor_exit|residential_proxy|anonymi[sz]er|is_tor|"proxy"/i;

/**
 * What of a raw record the stored events keep: only the parts the analysis reads (a Cloudflare v2 record's
 * resource request and response, for posture and instruction checks), or the whole record when it carries
 * network-reputation enrichment; the whole record is in an evidence pack.
 */
export function slimRaw(raw: unknown, text?: string): unknown {
  if (raw === null || typeof raw !== "object") return raw;
  if (REPUTATION.test(text ?? JSON.stringify(raw))) return raw;
  const resource = (raw as { resource?: unknown } | null | undefined)?.resource;
  if (!resource || typeof resource !== "object") return undefined;
  const { request, response } = resource as { request?: unknown; response?: unknown };
  if (request === undefined && response === undefined) return undefined;
  return { resource: { ...(request !== undefined ? { request } : {}), ...(response !== undefined ? { response } : {}) } };
}

/** The events as the analysis reads them (slim raw), and their full records for the evidence packs. */
export function splitEvidence(events: AuditEvent[]): { events: AuditEvent[]; records: EvidenceRecord[] } {
  const records: EvidenceRecord[] = new Array(events.length);
  const slim: AuditEvent[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    // one JSON text per record: the reputation check reads it and the record's pack is made of it
    const text = JSON.stringify(e.raw ?? null);
    records[i] = { source: e.source, id: e.id, raw: e.raw, text };
    const s = slimRaw(e.raw, text);
    const { raw: _raw, ...rest } = e;
    slim[i] = s === undefined ? (rest as AuditEvent) : { ...rest, raw: s };
  }
  return { events: slim, records };
}

/**
 * The event batches of one investigation, in the order the events are read back: the two parallel gathers (in
 * the order LangGraph applies their writes, by node name), then the gatherer agent's.
 */
export const EVENT_BATCHES = ["cloudflare", "datadog", "agent"] as const;
export type EventBatch = (typeof EVENT_BATCHES)[number];
/** What the state keeps of the gathered events: how many each batch holds. */
export type Gathered = Partial<Record<EventBatch, number>>;
const batchName = (b: EventBatch) => `events:${b}`;

/** Stores one gather's events: each whole record by id, and the batch of slim events. Returns how many. */
export async function storeEvents(store: EvidenceStore, investigationId: string, batch: EventBatch, events: AuditEvent[]): Promise<number> {
  const split = splitEvidence(events);
  // both compress on the thread pool at once; the node's checkpoint follows both writes
  await Promise.all([store.put(investigationId, split.records), store.putBatch(investigationId, batchName(batch), split.events)]);
  return events.length;
}

/** Every gathered event of the investigation (slim raw), batch after batch, checked against the state's counts. */
export async function loadEvents(store: EvidenceStore, investigationId: string, gathered: Gathered): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for (const b of EVENT_BATCHES) {
    const expected = gathered[b] ?? 0;
    if (!expected) continue;
    const events = (await store.getBatch(investigationId, batchName(b))) as AuditEvent[];
    if (events.length !== expected) {
      throw new Error(
        `the evidence store holds ${events.length} ${b} events of investigation ${investigationId} where its checkpoint recorded ${expected}; ` +
          "the evidence tables were changed or cleared beside the checkpoints — start the investigation again under a new id.",
      );
    }
    for (const e of events) out.push(e);
  }
  return out;
}

/** The events with their full raw records put back (for the report's evidence appendix). */
export async function withRecords(store: EvidenceStore, investigationId: string, events: AuditEvent[], ids: readonly string[]): Promise<AuditEvent[]> {
  if (!ids.length) return events;
  // A cited id may be a merged twin's (the Cloudflare v1 copy): its row is the merged event's record.
  const wanted = new Set(ids);
  const fetch = events.filter((e) => wanted.has(e.id) || e.twin_ids?.some((t) => wanted.has(t))).map((e) => e.id);
  const records = await store.get(investigationId, fetch);
  if (!records.size) return events;
  return events.map((e) => (records.has(e.id) ? { ...e, raw: records.get(e.id) } : e));
}

/**
 * One gathered event of an investigation with its whole vendor record, by its id or a merged twin's id (the
 * Cloudflare v1 copy); undefined when the investigation gathered no such event. For the review UI.
 */
export async function readEvent(store: EvidenceStore, investigationId: string, id: string): Promise<{ event: AuditEvent; raw: unknown } | undefined> {
  for (const b of EVENT_BATCHES) {
    const events = (await store.getBatch(investigationId, batchName(b))) as AuditEvent[];
    const event = events.find((e) => e.id === id) ?? events.find((e) => e.twin_ids?.includes(id));
    if (!event) continue;
    const raw = (await store.get(investigationId, [event.id])).get(event.id);
    return { event: raw === undefined ? event : { ...event, raw }, raw };
  }
  return undefined;
}
