// Untrusted vendor text made safe to show: control and bidi characters removed, length capped. Used by the error
// messages of the HTTP client, the normalisers, the pivots and the gatherer agent.

/** Strips control characters and caps length: vendor text is untrusted and must not inject log lines. */
export function safeText(s: unknown, max = 200): string {
  const str = typeof s === "string" ? s : s === undefined || s === null ? "" : JSON.stringify(s) ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = str.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
