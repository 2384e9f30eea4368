// The reasons recorded for a refusal never quote the refused text, so the page cannot carry it either.
// Model text that must never be published: instructions to the reader or to another model, and
// de-escalation (close as a false positive, disable the detector, no action needed). Declared as data; the
// same list guards the analyst's rationale and the writer's summary and steps. A phrase the deterministic
// template itself uses (a benign report says "no remediation needed") is not held against the model.

export interface UnsafePattern {
  id: string;
  /** what the reader is told when text is refused */
  why: string;
  re: RegExp;
}

// Bounded gaps ({0,40} of non-terminators) keep every pattern linear in the text's length.
export const UNSAFE_PATTERNS: readonly UnsafePattern[] = [
  { id: "instruction.ignore", why: "tells the reader to set the findings aside", re: /\b(?:ignore|disregard|forget)\b[^.!?\n]{0,40}\b(?:evidence|instructions?|above|previous|prior|rules?|findings?|data|system)\b/i },
  { id: "instruction.prompt", why: "talks to a model (system prompt, new instructions)", re: /\b(?:system prompt|new instructions|you are now|as an ai\b|assistant:)/i },
  { id: "deescalate.false_positive", why: "asks to dismiss the finding", re: /\bfalse[\s-]+positive\b/i },
  { id: "deescalate.close", why: "closes or dismisses the case", re: /\b(?:close|closing|dismiss|resolve|suppress)\b[^.!?\n]{0,30}\b(?:case|incident|alert|investigation|ticket|finding)\b/i },
  {
    id: "deescalate.disable_detection",
    why: "asks to weaken detection, alerting or logging",
    re: /\b(?:disable|turn off|switch off|mute|silence|snooze|suppress|delete|remove|pause)\b[^.!?\n]{0,40}\b(?:detectors?|detections?|alerts?|alerting|monitors?|monitoring|audit(?:ing| trail| logs?)?|logging|rules?)\b/i,
  },
  { id: "deescalate.allowlist", why: "exempts the actor from detection", re: /\b(?:allow-?list|whitelist|exempt|trust)\b[^.!?\n]{0,30}\b(?:actor|user|account|address|this)\b/i },
  { id: "deescalate.no_action", why: "says no action is needed", re: /\bno\s+(?:further\s+)?(?:action|follow[\s-]?up|investigation|remediation)\s+(?:is\s+)?(?:needed|required|necessary)\b/i },
  { id: "deescalate.do_not", why: "tells the reader not to escalate or investigate", re: /\bdo\s*(?:not|n't)\s+(?:escalate|investigate|report|notify|contain)\b/i },
];

const MAX_SCAN = 4000;

/**
 * The patterns `text` matches that no `allowed` text (the template wording) matches: empty when the text may
 * be published. Text is scanned up to a fixed length; longer model text is capped before publishing anyway.
 */
export function unsafeText(text: string, allowed: readonly string[] = []): UnsafePattern[] {
  const t = text.slice(0, MAX_SCAN);
  const ok = allowed.map((a) => a.slice(0, MAX_SCAN));
  return UNSAFE_PATTERNS.filter((p) => p.re.test(t) && !ok.some((a) => p.re.test(a)));
}

/** One readable reason for a refused text, e.g. `summary: closes the case as a false positive`. */
export function unsafeReason(where: string, hits: UnsafePattern[]): string {
  return `${where} ${hits.map((h) => h.why).join("; ")} (${hits.map((h) => h.id).join(", ")}); the deterministic wording stands`;
}
