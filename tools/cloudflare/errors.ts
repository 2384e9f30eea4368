// Cloudflare's failure messages: what its 401/403, 404 and 429 mean for casefile and the setting that fixes each.
import type { Failure } from "../http.ts";
import { safeText } from "../text.ts";

export function explainCloudflareFailure({ status, what, message, code, said }: Failure): string | undefined {
  if (status === 401 || status === 403) {
    const reason = message ?? "Authentication error";
    return `Cloudflare rejected the API token (${status} ${reason}${code !== undefined ? `, code ${safeText(code, 20)}` : ""}) during ${what}: check CLOUDFLARE_API_TOKEN (or the legacy CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY); it needs Account Settings Read on account CLOUDFLARE_ACCOUNT_ID.`;
  }
  if (status === 404)
    return `Cloudflare answered 404 for ${what}: check CLOUDFLARE_ACCOUNT_ID (32-hex account id) and CLOUDFLARE_BASE_URL (must end in /client/v4).${said}`;
  if (status === 429)
    return `Cloudflare rate limit hit (429) during ${what}: the account is limited to 1200 requests / 5 min and blocked for 5 minutes after exceeding it; retry later.${said}`;
  return undefined;
}
