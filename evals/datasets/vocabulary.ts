// Vocabulary of the dev corpus's scenario builder (./lib.ts): the user agents its actors use and the shapes of
// actors, DNS records, per-event options and labels that scenario code passes to it.
// ---------------------------------------------------------------- vocabulary
export const UA = {
  chromeMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
  chromeWin: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36",
  edgeWin: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.0.0",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36",
  terraformCf: "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-cloudflare/4.45.0",
  terraformDd: "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-datadog/3.46.0",
  ddGo: "datadog-api-client-go/2.30.0 (go go1.22.5; os linux; arch amd64)",
  ddPy: "datadog-api-client-python/2.28.0 (python 3.12.4; os linux; arch x86_64)",
  curl: "curl/8.5.0",
  pyRequests: "python-requests/2.32.3",
  cfGo: "cloudflare-go/0.104.0",
  wrangler: "wrangler/3.78.2",
} as const;

export interface Actor {
  email: string;
  /** Cloudflare user id (32 hex). */
  cfId: string;
  /** Datadog usr.uuid. */
  ddUuid: string;
  /** Datadog usr.id / usr.email; a UUID for key-authenticated identities. */
  ddEmail: string;
  ip: string;
  ua: string;
  /** Datadog evt.actor.type */
  ddType: string;
  /** Datadog auth_method */
  ddAuth: string;
}

export interface Rec {
  type: string;
  name: string;
  content: string;
  proxied?: boolean;
  ttl?: number;
}

export interface CfExtra {
  product: string;
  description: string;
  vtype: "create" | "update" | "delete" | "view";
  method: string;
  uri: string;
  ua: string;
  context: string;
  tokenName?: string;
  zone?: { id: string; name: string };
  rtype: string;
  request?: Record<string, unknown>;
}

export interface CfRow {
  ts: number;
  v1: Record<string, unknown>;
  extra: CfExtra;
}

export interface CfOpts {
  ip?: string;
  ua?: string;
  iface?: "" | "UI" | "API";
  tokenName?: string;
  result?: boolean;
  info?: string;
  micro?: boolean;
  /** Precise seconds offset instead of the default random ms/µs. */
  exact?: boolean;
}

export interface DdOpts {
  ip?: string;
  ua?: string;
  host?: string;
  msg?: string;
  prev?: unknown;
  next?: unknown;
  status?: string;
  bytesWritten?: number;
  metadata?: Record<string, unknown>;
  /** Also emit the Request event of the API call that produced the product event (default true). */
  request?: boolean;
  method?: string;
  path?: string;
  code?: string;
}

export interface Label {
  verdict: "likely_malicious" | "misconfiguration" | "benign";
  key_event_ids: string[];
  techniques?: string[];
  rationale: string;
}
