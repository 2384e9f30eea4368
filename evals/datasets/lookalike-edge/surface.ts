// Surface-feature check of the lookalike-edge corpus: computes, from each incident's data alone, the shallow features
// a lazy classifier could key on (night, weekend, first-seen address, threat intel, token/key actor, deletion,
// volume, instruction-like text, severity, e-mail case mismatch, service account, flagged action) and the best
// accuracy any one-line rule on one of them reaches. The corpus is meant to keep every such rule at or below 0.65.

type Rec = Record<string, any>;

export interface IncidentLike {
  id: string;
  now: string;
  anomaly: Rec;
  sources: { cloudflare?: { audit_logs?: Rec[]; audit_logs_v2?: Rec[] }; datadog?: { audit_events?: Rec[] } };
  label: { verdict: string; key_event_ids: string[] };
}

interface Ev {
  id: string;
  t: number;
  ip?: string;
  actorIds: string[];
  text: string;
  ti: boolean;
  ctx?: string;
  ddEmail?: string;
  svc: boolean;
}

function events(inc: IncidentLike): Ev[] {
  const out: Ev[] = [];
  for (const e of inc.sources.cloudflare?.audit_logs ?? []) out.push({ id: e.id, t: Date.parse(e.when), ip: e.actor?.ip, actorIds: [e.actor?.email ?? e.actor?.id], text: JSON.stringify(e), ti: false, ctx: e.interface === "API" ? "api" : undefined, svc: false });
  for (const e of inc.sources.cloudflare?.audit_logs_v2 ?? []) out.push({ id: e.id, t: Date.parse(e.action.time), ip: e.actor?.ip_address, actorIds: [e.actor?.email ?? e.actor?.id], text: JSON.stringify(e.resource ?? {}), ti: false, ctx: e.actor?.context, svc: false });
  for (const e of inc.sources.datadog?.audit_events ?? []) {
    const a = e.attributes.attributes;
    out.push({ id: e.id, t: Date.parse(e.attributes.timestamp), ip: a.network?.client?.ip, actorIds: [a.usr?.id, a.usr?.email], text: JSON.stringify(a.asset ?? {}) + e.attributes.message, ti: !!a.threat_intel, ddEmail: a.usr?.email, svc: a.evt?.actor?.type === "SERVICE_ACCOUNT" });
  }
  return out;
}

const INSTRUCTION = /(approved|approve automatically|do not (flag|remove|edit)|ignore|no review|close any alert)/i;

export function features(inc: IncidentLike): Record<string, boolean | string> {
  const actor = String(inc.anomaly.actor).toLowerCase();
  const A = Date.parse(inc.anomaly.timestamp);
  const now = Date.parse(inc.now);
  const all = events(inc);
  const mine = all.filter((e) => e.actorIds.some((x) => typeof x === "string" && x.toLowerCase() === actor));
  const win = mine.filter((e) => e.t >= A - 86_400_000 && e.t <= now);
  const flagged = all.find((e) => e.id === inc.label.key_event_ids[0]);
  const earlierIps = new Set(mine.filter((e) => e.t < A - 6 * 3_600_000 && e.ip).map((e) => e.ip));
  const h = new Date(A).getUTCHours();
  const d = new Date(A).getUTCDay();
  const cfEmail = actor;
  const ddEmails = new Set(mine.filter((e) => e.ddEmail && e.ddEmail.includes("@")).map((e) => e.ddEmail));
  return {
    night: h >= 22 || h < 6,
    weekend: d === 0 || d === 6,
    new_ip: !!flagged?.ip && !earlierIps.has(flagged.ip),
    threat_intel: win.some((e) => e.ti),
    token_or_key_actor: flagged?.ctx === "api_token" || flagged?.ctx === "api_key" || flagged?.ctx === "api",
    deletion: /delete|del$|revoke/i.test(String(inc.anomaly.action)),
    big: all.length >= 1000,
    instruction_text: INSTRUCTION.test(JSON.stringify(inc.anomaly.details ?? {})) || win.some((e) => INSTRUCTION.test(e.text)),
    high_severity: ["high", "critical"].includes(String(inc.anomaly.severity)),
    case_mismatch: [...ddEmails].some((x) => x !== cfEmail && x!.toLowerCase() === cfEmail) || String(inc.anomaly.actor) !== String(inc.anomaly.actor).toLowerCase(),
    service_account: /^(ci-|edge-automation)/.test(actor) || win.some((e) => e.svc),
    datadog_activity: win.some((e) => e.ddEmail !== undefined),
    action: String(inc.anomaly.action),
  };
}

/** Best accuracy of one-line rules "feature => X else Y" (and "action => its majority class"). */
export function shortcutProbe(incs: IncidentLike[]): Array<{ rule: string; accuracy: number }> {
  const feats = incs.map(features);
  const classes = ["likely_malicious", "misconfiguration", "benign"];
  const names = Object.keys(feats[0] ?? {}).filter((k) => k !== "action");
  const res: Array<{ rule: string; accuracy: number }> = [];
  for (const f of names) {
    let best = { rule: "", accuracy: 0 };
    for (const x of classes) for (const y of classes) {
      if (x === y) continue;
      const acc = incs.filter((inc, i) => (feats[i]![f] ? x : y) === inc.label.verdict).length / incs.length;
      if (acc > best.accuracy) best = { rule: `${f} ? ${x} : ${y}`, accuracy: acc };
    }
    res.push(best);
  }
  const byAction = new Map<string, Map<string, number>>();
  incs.forEach((inc, i) => {
    const a = feats[i]!["action"] as string;
    const m = byAction.get(a) ?? new Map<string, number>();
    m.set(inc.label.verdict, (m.get(inc.label.verdict) ?? 0) + 1);
    byAction.set(a, m);
  });
  let hits = 0;
  for (const m of byAction.values()) hits += Math.max(...m.values());
  res.push({ rule: "anomaly.action => its majority class", accuracy: hits / incs.length });
  const base = Math.max(...classes.map((k) => incs.filter((i) => i.label.verdict === k).length)) / incs.length;
  res.push({ rule: "constant (majority class)", accuracy: base });
  return res.sort((a, b) => b.accuracy - a.accuracy);
}

export function featureTable(incs: IncidentLike[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  incs.forEach((inc) => {
    const f = features(inc);
    for (const [k, v] of Object.entries(f)) {
      if (k === "action" || !v) continue;
      out[k] ??= { likely_malicious: 0, misconfiguration: 0, benign: 0 };
      out[k]![inc.label.verdict]! += 1;
    }
  });
  return out;
}
