// Real-process fixtures for the durability tests: `casefile serve|worker` child processes, signed deliveries,
// polling with bounded deadlines.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { Webhook } from "standardwebhooks";
import { Incident } from "../domain/incident.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = fileURLToPath(new URL("../bin/casefile.mjs", import.meta.url));
export const SECRET = `whsec_${randomBytes(24).toString("base64")}`;

export function demoIncident() {
  return Incident.parse(JSON.parse(readFileSync(new URL("../sandbox/incidents/demo.json", import.meta.url), "utf8")));
}

export interface Child {
  proc: ChildProcess;
  /** http://127.0.0.1:PORT for `serve`; "" for `worker`. */
  url: string;
  output(): string;
  /** SIGKILL and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful) and wait for the exit. */
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Kills every child still alive (afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all([...children].map((p) => exited(p, "SIGKILL")));
}

function exited(p: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.once("exit", () => resolve());
    p.kill(signal);
  });
}

/** Starts `casefile <command>` and waits until it says it is ready (60 s at most). */
export async function startCasefile(command: "serve" | "worker", env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, [BIN, command], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CASEFILE_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(proc);
  proc.once("exit", () => children.delete(proc));
  let out = "";
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`casefile ${command} did not start within 60 s:\n${out.slice(-4000)}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString("utf8");
      if (out.length > 200_000) out = out.slice(-100_000);
      const m = /casefile listening on (http:\/\/\S+)/.exec(out);
      if (m || /casefile worker started/.test(out)) {
        clearTimeout(timer);
        resolve(m?.[1] ?? "");
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    proc.once("exit", (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`casefile ${command} exited (${code ?? sig}) before it was ready:\n${out.slice(-4000)}`));
    });
  });
  const url = await ready;
  return { proc, url, output: () => out, kill: () => exited(proc, "SIGKILL"), stop: () => exited(proc, "SIGTERM") };
}

export function anomaly(actor: string, n: number, tag: string) {
  return {
    id: `det-${tag}-${n}`,
    actor,
    action: "token_create",
    timestamp: "2026-08-20T14:02:11Z",
    source: "cloudflare",
    severity: "high",
    detector: "durability-test",
  };
}

export interface Delivery {
  id: string;
  body: string;
  anomalyId: string;
}

export function delivery(a: { id: string }): Delivery {
  return { id: `msg_${randomUUID()}`, body: JSON.stringify(a), anomalyId: a.id };
}

export function signedHeaders(d: { id: string; body: string }, opts: { secret?: string; at?: Date } = {}) {
  const at = opts.at ?? new Date();
  return {
    "content-type": "application/json",
    "webhook-id": d.id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(opts.secret ?? SECRET).sign(d.id, at, d.body),
  };
}

/** One delivery; undefined when the connection failed (the server is down). */
export async function deliver(url: string, d: Delivery, headers = signedHeaders(d)): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const res = await fetch(`${url}/v1/anomalies`, { method: "POST", headers, body: d.body, signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body };
  } catch {
    return undefined;
  }
}

export interface InvestigationView {
  investigation_id: string;
  anomaly_id: string;
  actor: string;
  status: string;
  page_id: string | null;
  report_url: string | null;
  anomalies: string[];
  errors: string[];
  attempts: number;
}

export async function getInvestigation(url: string, id: string): Promise<InvestigationView> {
  const res = await fetch(`${url}/v1/investigations/${id}`, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`GET /v1/investigations/${id} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as InvestigationView;
}

export async function listInvestigations(url: string): Promise<InvestigationView[]> {
  const out: InvestigationView[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await fetch(`${url}/v1/investigations?limit=200${q}`, { signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) throw new Error(`GET /v1/investigations answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { items: InvestigationView[]; next_cursor: string | null };
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return out;
}

/** Polls `check` every `everyMs` until it returns a value, or throws `describe()` after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, describe: () => string, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await sleep(everyMs);
  }
}

/** Runs `fn` over `items` with at most `n` in flight. */
export async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}
