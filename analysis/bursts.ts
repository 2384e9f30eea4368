// Bursts in an actor's timeline: many deletions, listings of users/keys/roles, or log exports within minutes.
// Pure; one step per event over the ordered events.
import type { AuditEvent } from "../domain/events.ts";
import { memo, norm, opOf } from "./text.ts";
import type { Burst } from "./timeline.ts";

const BURST_WINDOW_MS = 10 * 60_000;
const DESTRUCTIVE_RE = /(^|[_./])(del|delete|deleted|remove|removed|destroy|destroyed|drop)($|[_./])/;
const DISCOVERY_PATH_RE = /\/(users?|roles?|api_keys?|application_keys?|service_accounts?|members|tokens|permissions|authn_mappings|org_configs|orgs?|identity_providers?)\b/i;
const EXPORT_PATH_RE = /\/(logs\/events|logs-queries|logs\/analytics|audit\/events|export|events\/search|query|rum\/events)/i;

function requestText(e: AuditEvent): string {
  const http = e.metadata?.["http"] as Record<string, unknown> | undefined;
  const url = http?.["url_details"] as Record<string, unknown> | undefined;
  return `${String(http?.["method"] ?? "")} ${String(url?.["path"] ?? e.metadata?.["path"] ?? "")} ${e.resource.name ?? ""} ${e.resource.id ?? ""} ${(e.description ?? "").slice(0, 300)}`;
}

function isGetRequest(e: AuditEvent, text: string): boolean {
  return opOf(e) === "view" || /^\s*GET\b/i.test(text) || /\bGET request\b/i.test(text);
}

/** One kind of burst, fed its matching events in order; keeps only the hits inside the current window. */
class BurstWindow {
  readonly bursts: Burst[] = [];
  private ts: number[] = [];
  private ids: string[] = [];
  /** index of the window's first hit */
  private j = 0;
  private current: Burst | undefined;
  constructor(
    private readonly kind: Burst["kind"],
    private readonly min: number,
  ) {}

  add(e: AuditEvent): void {
    const ts = this.ts, ids = this.ids;
    ts.push(e.ts);
    ids.push(e.id);
    const i = ts.length - 1;
    while (e.ts - ts[this.j]! > BURST_WINDOW_MS) this.j++;
    const j = this.j;
    if (i - j + 1 >= this.min) {
      const cur = this.current;
      if (cur && ts[j]! <= cur.end) {
        if (cur.event_ids.length < 200) cur.event_ids.push(e.id);
        cur.end = e.ts;
        cur.count++;
      } else {
        this.current = { kind: this.kind, start: ts[j]!, end: e.ts, count: i - j + 1, event_ids: ids.slice(j, i + 1) };
        this.bursts.push(this.current);
      }
    }
    // hits that left the window can never be cited again
    if (j > 4096 && j * 2 > ts.length) {
      this.ts = ts.slice(j);
      this.ids = ids.slice(j);
      this.j = 0;
    }
  }
}

const isDestructive = memo((a: string) => DESTRUCTIVE_RE.test(norm(a)));

/** Destructive, discovery and export bursts over the actor's whole window, fed one event at a time in order. */
export class BurstFinder {
  private readonly destructive = new BurstWindow("destructive", 5);
  private readonly discovery = new BurstWindow("discovery", 8);
  private readonly exports = new BurstWindow("export", 10);

  add(e: AuditEvent): void {
    if (e.outcome === "failure") return;
    const op = opOf(e);
    if (op === "delete" || isDestructive(e.action)) this.destructive.add(e);
    const a = norm(e.action);
    const request = a.startsWith("request/");
    if (!request && op !== "view") return;
    const t = requestText(e);
    if (isGetRequest(e, t) && (DISCOVERY_PATH_RE.test(t) || /user|role|member|token|api_key|application_key/.test(a))) this.discovery.add(e);
    if (request && EXPORT_PATH_RE.test(t)) this.exports.add(e);
  }

  bursts(): Burst[] {
    return [...this.destructive.bursts, ...this.discovery.bursts, ...this.exports.bursts];
  }
}
