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

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  PRIVATE.addSubnet(net, bits, "ipv6");
}

/** Loopback, private, link-local, CGNAT, multicast and reserved addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (family === 6) return PRIVATE.check(address, "ipv6");
  return true;
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
