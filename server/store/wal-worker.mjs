// The SQLite store's checkpointer thread (started by sqlite.ts with `new Worker(new URL(...))`): its own connection
// copies committed WAL frames into the database file (PASSIVE: never waits for or blocks a writer), so that the
// fsyncs a checkpoint does happen off the event loop. Plain JavaScript, so the thread needs no TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 1000");
db.pragma("wal_autocheckpoint = 0");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (e) {
    parentPort?.postMessage(String(e?.message));
  }
}, workerData.intervalMs);
parentPort?.on("message", () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
