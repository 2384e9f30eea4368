// Cloudflare audit records as the APIs return them, for every corpus generator and the benchmark: the v1 entry
// (GET /accounts/{id}/audit_logs result[]), the v2 entry (GET /accounts/{id}/logs/audit result[]), their time
// formats and id shapes. The builders take values already drawn, so each corpus keeps its own draw order; the
// layout options cover the key orders the corpora were written with (JSON text is compared byte for byte).
import { type Draw, drawChars, HEX } from "./rng.ts";

type J = Record<string, unknown>;

/** `when`/`time` in whole seconds: the milliseconds are dropped. */
export const cfSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
/** `when` with microseconds: the milliseconds of `ms` followed by three more digits. */
export const cfMicro = (ms: number, micro: string | number): string =>
  `${new Date(ms).toISOString().slice(0, 23)}${String(micro).padStart(3, "0")}Z`;
/** A Cloudflare ray id: 16 hex digits. */
export const cfRayId = (d: Draw): string => drawChars(d, HEX, 16);

export interface CfV1Actor {
  email?: string;
  id: string;
  ip?: string;
  type: string;
}

/** A v1 entry's content. Left out: result true, interface "", metadata {}, values ""; an empty info, email, ip or JSON value is dropped. */
export interface CfV1Fields {
  id: string;
  type: string;
  result?: boolean;
  info?: string;
  actor: CfV1Actor;
  interface?: string;
  metadata?: J;
  newValue?: string;
  oldValue?: string;
  newValueJson?: unknown;
  oldValueJson?: unknown;
  owner: string;
  resource: { id: string; type: string };
  when: string;
}

/** v1 fields from the abbreviated option names some corpora write entries with (meta, nv, ov, nvj, ovj). */
export const cfV1Short = (o: { meta?: J; nv?: string; ov?: string; nvj?: unknown; ovj?: unknown; info?: string }) => ({
  metadata: o.meta,
  newValue: o.nv,
  oldValue: o.ov,
  newValueJson: o.nvj,
  oldValueJson: o.ovj,
  info: o.info,
});

/** Key orders of a v1 entry (same content). */
export interface CfV1Layout {
  /** newValueJson/oldValueJson: each beside its text value, after both text values, or after `when` (default). */
  json?: "paired" | "after-values" | "last";
  /** action.info before result instead of after type. */
  infoFirst?: boolean;
  /** actor as { id, type, email, ip } instead of { email, id, ip, type }. */
  actorIdFirst?: boolean;
}

export function cfV1Entry(f: CfV1Fields, layout: CfV1Layout = {}): J {
  const json = layout.json ?? "last";
  const [info, result, newJson, oldJson] = [f.info || undefined, f.result ?? true, f.newValueJson || undefined, f.oldValueJson || undefined];
  const action = layout.infoFirst ? { info, result, type: f.type } : { result, type: f.type, info };
  const [email, ip, id, type] = [f.actor.email || undefined, f.actor.ip || undefined, f.actor.id, f.actor.type];
  const actor = layout.actorIdFirst ? { id, type, email, ip } : { email, id, ip, type };
  const e: J = { id: f.id, action: dropUndefined(action), actor: dropUndefined(actor), interface: f.interface ?? "", metadata: f.metadata ?? {}, newValue: f.newValue ?? "" };
  if (json === "paired") e.newValueJson = newJson;
  e.oldValue = f.oldValue ?? "";
  if (json === "paired") e.oldValueJson = oldJson;
  if (json === "after-values") Object.assign(e, { newValueJson: newJson, oldValueJson: oldJson });
  Object.assign(e, { owner: { id: f.owner }, resource: f.resource, when: f.when });
  if (json === "last") Object.assign(e, { newValueJson: newJson, oldValueJson: oldJson });
  return dropUndefined(e);
}

export interface CfV2Actor {
  id: string;
  context: string;
  email?: string;
  ip_address?: string;
  token_id?: string;
  token_name?: string;
  type: string;
}

export interface CfV2Fields {
  id: string;
  account: { id: string; name: string };
  description: string;
  result: string;
  time: string;
  type: string;
  actor: CfV2Actor;
  rayId: string;
  method: string;
  status: number;
  uri: string;
  ua: string;
  resource: { id: string; product: string; request: unknown; response: unknown; scope: unknown; type: string };
  zone?: unknown;
}

/** What a scenario says about the API call behind a v2 entry (the corpora add description, zone and scope). */
export interface CfV2Call {
  type: "create" | "update" | "delete" | "view";
  product: string;
  rtype: string;
  rid: string;
  method: string;
  uri: string;
  status?: number;
  scope?: "accounts" | "zones" | "user" | "memberships";
}

/** Key orders of a v2 entry: where actor.type stands (default last, after the token). */
export interface CfV2Layout {
  actorType?: "after-context" | "before-token" | "last";
}

export function cfV2Entry(f: CfV2Fields, layout: CfV2Layout = {}): J {
  const a = f.actor;
  const at = layout.actorType ?? "last";
  const actor: J = { id: a.id, context: a.context };
  if (at === "after-context") actor.type = a.type;
  Object.assign(actor, { email: a.email, ip_address: a.ip_address });
  if (at === "before-token") actor.type = a.type;
  Object.assign(actor, { token_id: a.token_id, token_name: a.token_name });
  if (at === "last") actor.type = a.type;
  const r = f.resource;
  return dropUndefined({
    id: f.id,
    account: f.account,
    action: { description: f.description, result: f.result, time: f.time, type: f.type },
    actor: dropUndefined(actor),
    raw: { cf_ray_id: f.rayId, method: f.method, status_code: f.status, uri: f.uri, user_agent: f.ua },
    resource: { id: r.id, product: r.product, request: r.request, response: r.response, scope: r.scope, type: r.type },
    zone: f.zone,
  });
}

/** Removes keys whose value is undefined (they would not be serialised anyway; this keeps records tidy in memory). */
function dropUndefined(o: J): J {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
