// References in the actor's free text: change tickets and change-window words around the flagged activity, and
// text that reads like instructions to an analyst (vendor data and the anomaly's details). Read as data only.
import type { AuditEvent } from "../domain/events.ts";
import type { Anomaly } from "../domain/schemas.ts";
import { INSTRUCTION_RE, opOf, textOf } from "./text.ts";
import type { Correlation } from "./timeline.ts";

const TICKET_RE = /\b(CHG|CR|RFC|CHANGE|CRQ|SR|REQ|TKT|TICKET)[-_ #:]?\d{2,}\b|\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b/g;
const TICKET_WORDS_RE = /\b(change[\s_-]?window|maintenance|planned[\s_-]?change|approved change|change request|scheduled change|rollout|cab[-\s]approved)\b/i;
const APPROVAL_RE = /\b(approved|approval|cab|cutover|decommission(ing)?|scheduled|planned|signed[\s-]off)\b/i;
const NOT_TICKET_RE = /^(SHA|UTF|ISO|AES|TLS|SSL|RSA|HTTP|HTTPS|X|CVE|TLSV|IPV|MD|DES|ECDSA|ED|AWS|GCP|COVID|RFC1918|T\d+)-/;

/**
 * Tickets in the focus period (and approvals written down earlier for the same scope); instruction-like text. Feed
 * every focus-period event in order to `focus`, then `finish`.
 */
export class ReferenceFinder {
  private readonly tickets = new Map<string, string[]>();
  private readonly injIds: string[] = [];
  private injSample = "";
  private readonly focusScopes = new Set<string>();

  /** The baseline's free text is not evidence about the flagged activity; only the focus period is scanned. */
  focus(e: AuditEvent): void {
    if (e.resource.scope) this.focusScopes.add(e.resource.scope);
    this.scan(e, true);
  }

  finish(mine: AuditEvent[], focusStart: number, pivots: AuditEvent[], anomaly: Anomaly): Pick<Correlation, "tickets" | "injections"> {
    // ...except an approval the actor recorded earlier for the same zone or scope the focus period changes (a change
    // reference written down before the work: "CHG-123 ... approved", "cutover at 10:00")
    const focusScopes = this.focusScopes;
    if (focusScopes.size && focusScopes.size <= 20) {
      for (let i = Math.max(0, focusStart - 2000); i < focusStart; i++) {
        const e = mine[i]!;
        if (!e.resource.scope || !focusScopes.has(e.resource.scope) || !["create", "update"].includes(opOf(e))) continue;
        const text = textOf(e, 600);
        const hit = text.search(TICKET_RE) >= 0 && APPROVAL_RE.test(text);
        if (hit) this.scan(e, true);
      }
    }
    for (const e of pivots) this.scan(e, false);
    const detailsText = anomaly.details ? JSON.stringify(anomaly.details).slice(0, 4000) : "";
    const inAnomaly = INSTRUCTION_RE.test(detailsText);
    if (inAnomaly && !this.injSample) this.injSample = detailsText.slice(0, 160);
    return {
      tickets: [...this.tickets].map(([ref, event_ids]) => ({ ref, event_ids })),
      injections: { event_ids: this.injIds, sample: this.injSample, in_anomaly: inAnomaly },
    };
  }

  private scan(e: AuditEvent, forTickets: boolean): void {
    const text = textOf(e);
    if (!text) return;
    const tickets = this.tickets;
    if (forTickets) {
      for (const m of text.matchAll(TICKET_RE)) {
        const ref = m[0].toUpperCase();
        if (NOT_TICKET_RE.test(ref + "-") || NOT_TICKET_RE.test(ref)) continue;
        const ids = tickets.get(ref) ?? [];
        if (!ids.includes(e.id) && ids.length < 20) ids.push(e.id);
        tickets.set(ref, ids);
        if (tickets.size > 20) break;
      }
      const w = TICKET_WORDS_RE.exec(text);
      if (w) {
        const ref = w[0].toLowerCase();
        const ids = tickets.get(ref) ?? [];
        if (!ids.includes(e.id) && ids.length < 20) ids.push(e.id);
        tickets.set(ref, ids);
      }
    }
    const inj = INSTRUCTION_RE.exec(text);
    if (inj) {
      if (this.injIds.length < 20) this.injIds.push(e.id);
      if (!this.injSample) this.injSample = text.slice(Math.max(0, inj.index - 40), inj.index + 120);
    }
  }
}
