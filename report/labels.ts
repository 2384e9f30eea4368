// The words a report shows, one table each: verdict and source labels, section titles, ATT&CK technique names
// and the sentence that describes a pivot. Every renderer (page, HTML view, markdown, picture) reads them here.
import type { Verdict } from "../domain/schemas.ts";
import type { SourceName } from "../domain/events.ts";
import { safeUrl } from "./escape.ts";
import type { ReportPivot, RowFlag, TechniqueRef } from "./schema.ts";

export const VERDICT_LABEL: Record<Verdict, string> = {
  likely_malicious: "Likely malicious",
  misconfiguration: "Misconfiguration",
  benign: "Benign",
  inconclusive: "Inconclusive",
};

export const SOURCE_LABEL: Record<SourceName, string> = { cloudflare: "Cloudflare", datadog: "Datadog" };

/** The marks of a timeline row (the page and the markdown show them in capitals). */
export const FLAG_LABEL: Record<RowFlag, string> = { flagged: "flagged", indicator: "indicator", pivot: "pivot", "new-ip": "new IP", cited: "cited" };

export const SECTION_TITLES = {
  summary: "Summary",
  timeline: "Timeline",
  indicators: "Indicators",
  nextSteps: "Recommended next steps",
  dataGaps: "Data gaps",
  pivots: "Pivots",
  evidence: "Evidence appendix",
  metadata: "Metadata",
  coalesced: "Coalesced anomalies",
} as const;

/** Names of the techniques the indicator catalogue uses (for readability; ids are the reference). */
const TECHNIQUE_NAMES: Record<string, string> = {
  T1078: "Valid Accounts",
  "T1078.004": "Valid Accounts: Cloud Accounts",
  T1098: "Account Manipulation",
  "T1098.001": "Account Manipulation: Additional Cloud Credentials",
  "T1098.003": "Account Manipulation: Additional Cloud Roles",
  "T1136.003": "Create Account: Cloud Account",
  T1552: "Unsecured Credentials",
  "T1550.001": "Use Alternate Authentication Material: Application Access Token",
  "T1550.004": "Use Alternate Authentication Material: Web Session Cookie",
  T1556: "Modify Authentication Process",
  "T1556.006": "Modify Authentication Process: Multi-Factor Authentication",
  "T1556.009": "Modify Authentication Process: Conditional Access Policies",
  "T1562.001": "Impair Defenses: Disable or Modify Tools",
  "T1562.007": "Impair Defenses: Disable or Modify Cloud Firewall",
  "T1562.008": "Impair Defenses: Disable or Modify Cloud Logs",
  T1537: "Transfer Data to Cloud Account",
  T1530: "Data from Cloud Storage",
  T1485: "Data Destruction",
  T1489: "Service Stop",
  T1531: "Account Access Removal",
  "T1087.004": "Account Discovery: Cloud Account",
  "T1069.003": "Permission Groups Discovery: Cloud Groups",
  "T1584.002": "Compromise Infrastructure: DNS Server",
};

/** The link a technique may carry in any rendering: a safe https URL on attack.mitre.org, or none. */
export function techniqueUrl(t: TechniqueRef): string | undefined {
  const u = safeUrl(t.url);
  return u?.startsWith("https://attack.mitre.org/") ? u : undefined;
}

export function techniqueRef(id: string): TechniqueRef {
  const m = /^T(\d{4})(?:\.(\d{3}))?$/.exec(id.trim());
  if (!m) return { id };
  const url = `https://attack.mitre.org/techniques/T${m[1]}/${m[2] ? `${m[2]}/` : ""}`;
  const name = TECHNIQUE_NAMES[id.trim()];
  return name ? { id: id.trim(), name, url } : { id: id.trim(), url };
}

/** One pivot in words: what was looked for and what was found. */
export function pivotSentence(p: ReportPivot): string {
  const found = p.found === 0 ? "found nothing from other actors" : `found ${p.found} event${p.found === 1 ? "" : "s"} of other actors`;
  const own = p.own ? ` (${p.own} more already in the actor's timeline)` : "";
  if (p.kind === "agent") return `The gatherer agent asked for ${p.label}: ${found}${own}${p.note ? `; ${p.note}` : ""}.`;
  return `Looked for ${p.kind === "address" ? "other actors on" : p.kind === "credential" ? "uses of" : "other changes to"} ${p.label}: ${found}${own}${p.note ? `; ${p.note}` : ""}.`;
}

