// Datadog Audit Trail events as POST /api/v2/audit/events/search returns them (data[]), for every corpus generator
// and the benchmark: the event envelope, the common head of its inner attributes, the Request event's http part
// and message, and the event id shape. The builders take values already drawn, so each corpus keeps its own draw
// order; the options cover the key orders the corpora were written with (JSON text is compared byte for byte).
import { type Draw, drawChars } from "./rng.ts";

type J = Record<string, unknown>;

/**
 * An event id: `AQAAAZ` then runs of random characters joined by `AAAAAB` (the look of real ids, whose first bytes
 * encode the time), e.g. runs [12, 30] give AQAAAZxxxxxxxxxxxxAAAAAByyy…
 */
export function ddEventId(d: Draw, alphabet: string, runs: readonly number[], prefix = "AQAAAZ", join = "AAAAAB"): string {
  return prefix + runs.map((n) => drawChars(d, alphabet, n)).join(join);
}

/** The time code real event ids carry after `AQAAA`: the epoch milliseconds as 6 bytes, base64url (8 characters). */
export const ddTimeCode = (ms: number): string => Buffer.from(ms.toString(16).padStart(12, "0"), "hex").toString("base64url");

/** The inner `timestamp`: milliseconds, then three more digits, no zone. */
export const ddInnerTime = (ms: number, micro: string | number): string => `${new Date(ms).toISOString().slice(0, 23)}${micro}`;

export interface DdUsr {
  id: string;
  email: string;
  uuid: string;
}

/**
 * status, timestamp, org, evt and usr: the head every inner attributes object starts with. `transport` (http,
 * network, threat_intel) stands between status and timestamp, as some corpora lay it out.
 */
export function ddHead(o: { status: string; transport?: J; timestamp: string; org: string; evtName?: string | null; actorType: string; usr: DdUsr }): J {
  return {
    status: o.status,
    ...o.transport,
    timestamp: o.timestamp,
    org: { uuid: o.org },
    evt: o.evtName ? { name: o.evtName, actor: { type: o.actorType } } : { actor: { type: o.actorType } },
    usr: { id: o.usr.id, email: o.usr.email, uuid: o.usr.uuid },
  };
}

/** The `http` part of a Request event. */
export const ddHttp = (o: { status: string; path: string; host: string; method: string; ua: string }): J => ({
  status_code: o.status,
  url_details: { path: o.path, host: o.host },
  method: o.method,
  useragent: o.ua,
});

/** The message Datadog writes for a Request event. */
export const ddRequestMessage = (method: string, path: string, by: string, code: string | number): string =>
  `${method} request made to ${path} by ${by} with response ${code}`;

/** The search result envelope around inner attributes; `idFirst` puts id and type before attributes. */
export function ddEnvelope(o: { attributes: J; message: string; timestamp: string; id: string; service?: string }, layout: { idFirst?: boolean } = {}): J {
  const attributes: J = { attributes: o.attributes, message: o.message };
  if (o.service !== undefined) attributes.service = o.service;
  attributes.tags = ["source:audit"];
  attributes.timestamp = o.timestamp;
  return layout.idFirst ? { id: o.id, type: "audit", attributes } : { attributes, type: "audit", id: o.id };
}
