// The recommended next steps of a report: remediation derived from the vendor events that drive the verdict,
// one table of vendor actions to steps. Deterministic; the writer model may only reword them (model.ts acceptWriter).
import type { AuditEvent, SourceName } from "../domain/events.ts";
import { SOURCE_LABEL } from "./labels.ts";
import type { ReportInput } from "./model.ts";
import { redactText } from "./redact.ts";
import { actorOf, fmtValue, oneLine, utc } from "./text.ts";

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? oneLine(v, 120) : undefined;
}

function zoneOf(e: AuditEvent): string | undefined {
  return str(e.resource.scope) ?? str(e.metadata?.["zone_name"]);
}

/** Remediation steps derived from the events that drive the verdict. */
export function nextStepsFor(input: ReportInput, drivers: AuditEvent[]): string[] {
  const { assessment, anomaly } = input;
  const steps: string[] = [];
  const add = (s: string) => {
    const t = redactText(s);
    if (!steps.includes(t)) steps.push(t);
  };
  const actor = oneLine(anomaly.actor, 120);
  const verdict = assessment.verdict;

  if (verdict === "benign") {
    add(`Close as benign — routine ${oneLine(anomaly.action, 120)} work by ${actor}`);
    add("No remediation needed; keep the report for the audit record");
    return steps;
  }
  if (verdict === "inconclusive") {
    const failed = (Object.keys(input.sources) as SourceName[]).filter((s) => input.sources[s].status !== "ok");
    if (failed.length) add(`Re-run the investigation once ${failed.map((s) => SOURCE_LABEL[s]).join(" and ")} data is available (see Data gaps)`);
    add(`Ask ${actor} (or the owning team) to confirm the ${oneLine(anomaly.action, 120)} activity`);
    add("Review the cited events by hand and record the outcome on this page");
    return steps;
  }
  if (verdict === "likely_malicious") add(`Contain the account: end the active sessions of ${actor}, reset its credentials and confirm MFA`);

  for (const e of drivers) {
    const a = e.action.toLowerCase();
    const cat = (e.category ?? "").toLowerCase();
    const rtype = (e.resource.type ?? "").toLowerCase();
    const name = str(e.resource.name) ?? str(e.resource.id);
    if (e.source === "cloudflare") {
      const tokenName = str(e.metadata?.["token_name"]) ?? (rtype.includes("token") ? name : undefined);
      if (/token_(create|roll)|api_tokens?\.(create|update)|token\.(create|roll)/.test(a) || (rtype.includes("token") && e.operation === "create")) {
        add(`Revoke Cloudflare API token "${tokenName ?? "created at " + utc(e.ts)}" and review where it was used`);
      } else if (/api_key_(created|view)|rotate_api_key/.test(a)) {
        add(`Roll the Cloudflare Global API key of ${oneLine(actorOf(e), 120)}`);
      } else if (e.change?.setting || /change_setting/.test(a)) {
        const setting = str(e.change?.setting) ?? str(e.metadata?.["name"]) ?? "the setting";
        const zone = zoneOf(e);
        const from = e.change?.new !== undefined ? ` from ${oneLine(fmtValue(e.change.new), 60)}` : "";
        const to = e.change?.old !== undefined ? ` to ${oneLine(fmtValue(e.change.old), 60)}` : "";
        add(`Revert ${setting}${zone ? ` on zone ${zone}` : ""}${from}${to}`);
      } else if (/rec_(add|del|set)|dns_records?\./.test(a)) {
        add(`Review the DNS record changes on zone ${zoneOf(e) ?? name ?? "(unknown)"} and restore the intended records`);
      } else if (/member|invite|role/.test(a) || /member/.test(cat)) {
        add(`Review Cloudflare account members and roles changed by ${actor}; remove unapproved ones`);
      } else if (/logpush/.test(a) || /logpush/.test(cat)) {
        add("Restore the Cloudflare Logpush jobs changed in the window");
      }
    } else {
      if (rtype === "api_key" && e.operation !== "delete" && e.operation !== "view") add(`Rotate Datadog API key "${name ?? "(unnamed)"}"`);
      else if (rtype === "application_key" && e.operation !== "delete" && e.operation !== "view") add(`Revoke Datadog application key "${name ?? "(unnamed)"}"`);
      else if (rtype === "audit_logs_settings" || /audit trail/i.test(name ?? "")) add("Restore the Audit Trail settings");
      else if (rtype === "monitor" || cat === "monitor") add(`Restore Datadog monitor "${name ?? "(unknown)"}" and check what it would have alerted on`);
      else if (rtype === "security_rule" || /security_rule|detection/.test(rtype)) add(`Restore Datadog detection rule "${name ?? "(unknown)"}"`);
      else if (rtype === "role") add(`Review Datadog role "${name ?? "(unknown)"}" and remove permissions granted in the window`);
      else if (rtype === "user" && e.operation === "create") add(`Disable Datadog user "${name ?? "(unknown)"}" unless its creation was approved`);
      else if (rtype === "identity_provider" || /saml|mfa|login_method/.test(rtype)) add("Restore the Datadog login methods / identity provider settings");
      else if (/index|exclusion|pipeline|archive/.test(rtype)) add(`Review Datadog ${rtype} "${name ?? "(unknown)"}" changes and restore log collection`);
    }
  }
  if (verdict === "likely_malicious") {
    const newIps = [...new Set(drivers.filter((e) => e.ip).map((e) => e.ip!))].slice(0, 3);
    if (newIps.length) add(`Block or investigate the source address${newIps.length > 1 ? "es" : ""} ${newIps.join(", ")}`);
    add("Open a security incident and preserve this report and the cited events");
  } else {
    add(`Confirm with ${actor} that the change was unintended and agree the fix`);
    add("Add a review or guard rail for this kind of change");
  }
  return steps.slice(0, 12);
}

