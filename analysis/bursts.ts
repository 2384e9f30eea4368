// Bursts in an actor's timeline: many deletions, listings of users/keys/roles, or log exports within minutes.
// Pure; one scan per kind over the ordered events.
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

function findBursts(events: AuditEvent[], kind: Burst["kind"], pred: (e: AuditEvent) => boolean, min: number): Burst[] {
  const hits = events.filter((e) => e.outcome !== "failure" && pred(e));
  const out: Burst[] = [];
  let j = 0;
  let current: Burst | undefined;
  for (let i = 0; i < hits.length; i++) {
    while (hits[i]!.ts - hits[j]!.ts > BURST_WINDOW_MS) j++;
    if (i - j + 1 >= min) {
      if (current && hits[j]!.ts <= current.end) {
        if (current.event_ids.length < 200) current.event_ids.push(hits[i]!.id);
        current.end = hits[i]!.ts;
        current.count++;
      } else {
        current = { kind, start: hits[j]!.ts, end: hits[i]!.ts, count: i - j + 1, event_ids: hits.slice(j, i + 1).map((e) => e.id) };
        out.push(current);
      }
    }
  }
  return out;
}

/** Destructive, discovery and export bursts over the actor's whole window. */
export function findAllBursts(mine: AuditEvent[]): Burst[] {
  const isDestructive = memo((a: string) => DESTRUCTIVE_RE.test(norm(a)));
  return [
    ...findBursts(mine, "destructive", (e) => opOf(e) === "delete" || isDestructive(e.action), 5),
    ...findBursts(
      mine,
      "discovery",
      (e) => {
        const a = norm(e.action);
        if (!(a.startsWith("request/") || opOf(e) === "view")) return false;
        const t = requestText(e);
        return isGetRequest(e, t) && (DISCOVERY_PATH_RE.test(t) || /user|role|member|token|api_key|application_key/.test(a));
      },
      8,
    ),
    ...findBursts(mine, "export", (e) => norm(e.action).startsWith("request/") && EXPORT_PATH_RE.test(requestText(e)), 10),
  ];
}
