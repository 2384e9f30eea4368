// Pseudonymisation of what the analyst model sees: emails, addresses, token and resource names become
// placeholders (user_1@example.invalid, ip_1, token_1, resource_1) and are restored in the model's answer.
// Secrets are redacted before events reach any node; this pass only hides who and where.

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4_RE = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6_RE = /\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}\b/g;

export class Pseudonymiser {
  private readonly forward = new Map<string, string>();
  readonly replacements: Record<string, string> = {};
  private readonly counters: Record<string, number> = {};
  private names: string[] = [];

  private put(kind: string, original: string, make: (n: number) => string): string {
    const key = `${kind}\u0000${original}`;
    let p = this.forward.get(key);
    if (!p) {
      const n = (this.counters[kind] = (this.counters[kind] ?? 0) + 1);
      p = make(n);
      this.forward.set(key, p);
      this.replacements[p] = original;
    }
    return p;
  }
  email(s: string): string {
    return this.put("email", s.toLowerCase(), (n) => `user_${n}@example.invalid`);
  }
  ip(s: string): string {
    return this.put("ip", s, (n) => `ip_${n}`);
  }
  /** A token/key name or a resource name; also replaced wherever it appears in free text later. */
  name(kind: "token" | "resource", s: string): string {
    if (!s) return s;
    const p = this.put(kind, s, (n) => `${kind}_${n}`);
    if (s.length >= 4 && !this.names.includes(s) && this.names.length < 500) this.names.push(s);
    return p;
  }
  /** Free text: known names, emails and addresses replaced. */
  text(s: string, max = 240): string {
    let t = s.slice(0, max * 2);
    for (const n of this.names) if (t.includes(n)) t = t.split(n).join(this.forward.get(`token\u0000${n}`) ?? this.forward.get(`resource\u0000${n}`) ?? n);
    t = t.replace(EMAIL_RE, (m) => this.email(m)).replace(IPV4_RE, (m) => this.ip(m)).replace(IPV6_RE, (m) => (m.split(":").length >= 3 ? this.ip(m) : m));
    return t.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").slice(0, max);
  }
  /** Put the original values back into model output. */
  restore(s: string): string {
    return s.replace(/\buser_\d+@example\.invalid|\b(?:ip|token|resource)_\d+\b/g, (m) => this.replacements[m] ?? m);
  }
}
