// Datadog's failure messages: what its 401/403, 404 and 429 mean for casefile and the setting that fixes each.
import type { Failure } from "../http.ts";

export function explainDatadogFailure({ status, what, said }: Failure): string | undefined {
  if (status === 401 || status === 403)
    return `Datadog rejected the keys (${status}) during ${what}: check DD_API_KEY and DD_APP_KEY (and DD_SITE); the application key's owner needs the audit_logs_read permission.${said}`;
  if (status === 404) return `Datadog answered 404 for ${what}: check DD_SITE / DATADOG_API_URL point at your organisation's API host.${said}`;
  if (status === 429) return `Datadog rate limit hit (429) during ${what}; retry later.${said}`;
  return undefined;
}
