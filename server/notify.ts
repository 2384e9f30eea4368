// Outbound notifications: Standard-Webhooks-signed investigation events to CASEFILE_NOTIFY_URL.
import { randomUUID } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { ExponentialBackoff, handleWhen, retry } from "cockatiel";
import { Agent, request } from "undici";
import { Webhook } from "standardwebhooks";

export type NotifyEventType =
  | "investigation.started"
  | "investigation.completed"
  | "investigation.failed"
  | "investigation.awaiting_approval";

export interface NotifyData {
  investigation_id: string;
  anomaly_id: string;
  status: string;
  verdict?: string | null;
  confidence?: number | null;
  report_url?: string | null;
  status_url?: string;
  error?: string;
}

export interface NotifierOptions {
  url: string;
  secret: string;
  allowPrivate?: boolean;
  maxAttempts?: number;
  initialDelayMs?: number;
  timeoutMs?: number;
  onError?: (message: string, type: NotifyEventType, investigationId: string) => void;
}

const PRIVATE_V4 = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE_V4.addSubnet(net, bits, "ipv4");

/**
 * IPv6 ranges refused whole: `::/96` (unspecified, loopback and the deprecated IPv4-compatible form), unique-local,
 * link-local, multicast, NAT64 (`64:ff9b::/96` and the local-use `64:ff9b:1::/48`, which reach IPv4 through a
 * translator) and 6to4 (`2002::/16`, deprecated, embeds an IPv4 relay target). IPv4-mapped `::ffff:0:0/96` is not
 * here: its embedded IPv4 address is checked against the IPv4 list instead.
 */
const PRIVATE_V6 = new BlockList();
for (const [net, bits] of [
  ["::", 96], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["2002::", 16],
] as const) {
  PRIVATE_V6.addSubnet(net, bits, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail included), or undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":").map((h) => Number.parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, any spelling), or undefined. */
export function mappedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  if (!g || g.length !== 8 || g.slice(0, 5).some((x) => x !== 0) || g[5] !== 0xffff) return undefined;
  return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join(".");
}

/**
 * Loopback, private, link-local, CGNAT, multicast and reserved addresses; an IPv4-mapped IPv6 address is judged by
 * the IPv4 address it carries. Anything that is not an IP address counts as private.
 */
export function isPrivateAddress(raw: string): boolean {
  const address = raw.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(address);
  if (family === 4) return PRIVATE_V4.check(address, "ipv4");
  if (family !== 6) return true;
  const v4 = mappedIPv4(address);
  if (v4 !== undefined) return PRIVATE_V4.check(v4, "ipv4");
  return PRIVATE_V6.check(address, "ipv6");
}

class RefusedTarget extends Error {}

/** A DNS lookup that refuses private targets at connect time, so a rebinding name cannot slip past a check. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad && !allowPrivate) {
        return callback(
          new RefusedTarget(`CASEFILE_NOTIFY_URL resolves to a private or loopback address (${bad.address}); set CASEFILE_NOTIFY_ALLOW_PRIVATE=1 to allow internal targets`),
          "",
          0,
        );
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

export class Notifier {
  private readonly wh: Webhook;
  private readonly agent: Agent;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly opts: NotifierOptions) {
    this.wh = new Webhook(opts.secret);
    this.agent = new Agent({ connect: { lookup: guardedLookup(!!opts.allowPrivate) }, connectTimeout: opts.timeoutMs ?? 10_000 });
  }

  /** Refuses IP-literal private targets up front (names are checked at each connection). */
  checkTarget(): string | undefined {
    const host = new URL(this.opts.url).hostname.replace(/^\[|\]$/g, "");
    if (!this.opts.allowPrivate && (isIP(host) ? isPrivateAddress(host) : host === "localhost")) {
      return `CASEFILE_NOTIFY_URL points at a private or loopback address (${host}); set CASEFILE_NOTIFY_ALLOW_PRIVATE=1 to allow internal targets`;
    }
    return undefined;
  }

  /** Delivers in the background with retries; never throws. */
  send(type: NotifyEventType, data: NotifyData): void {
    const p = this.deliver(type, data).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Delivers and resolves when done (or given up); never throws. */
  async deliver(type: NotifyEventType, data: NotifyData): Promise<void> {
    const refused = this.checkTarget();
    if (refused) return this.opts.onError?.(refused, type, data.investigation_id);
    const id = `msg_${randomUUID()}`;
    const payload = JSON.stringify({ type, timestamp: new Date().toISOString(), data });
    const policy = retry(
      handleWhen((e) => !(e instanceof RefusedTarget) && !(e instanceof PermanentFailure)),
      { maxAttempts: (this.opts.maxAttempts ?? 5) - 1, backoff: new ExponentialBackoff({ initialDelay: this.opts.initialDelayMs ?? 500, maxDelay: 30_000 }) },
    );
    try {
      await policy.execute(async () => {
        const now = new Date();
        const res = await request(this.opts.url, {
          method: "POST",
          dispatcher: this.agent,
          headers: {
            "content-type": "application/json",
            "user-agent": "casefile-notify",
            "webhook-id": id,
            "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
            "webhook-signature": this.wh.sign(id, now, payload),
          },
          body: payload,
          headersTimeout: this.opts.timeoutMs ?? 10_000,
          bodyTimeout: this.opts.timeoutMs ?? 10_000,
        });
        await res.body.dump();
        if (res.statusCode >= 200 && res.statusCode < 300) return;
        const msg = `notification receiver at CASEFILE_NOTIFY_URL answered HTTP ${res.statusCode}`;
        if (res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 408 && res.statusCode !== 429) {
          throw new PermanentFailure(`${msg}; check that it accepts Standard Webhooks signed with CASEFILE_NOTIFY_SECRET`);
        }
        throw new Error(msg);
      });
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      const msg = cause instanceof RefusedTarget ? cause.message : (e as Error).message;
      this.opts.onError?.(`${type} for ${data.investigation_id} not delivered: ${msg}`, type, data.investigation_id);
    }
  }

  /** Waits for background deliveries (bounded by their retries), then releases sockets. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.agent.close();
  }
}

class PermanentFailure extends Error {}
