// Confluence's failure messages: what its 401, 403, 404, 409, 413 and 429 mean for casefile and what fixes each.
import type { Failure } from "../http.ts";

export function explainConfluenceFailure({ status, what, said }: Failure): string | undefined {
  if (status === 401)
    return `Confluence rejected the credentials (401) during ${what}: check CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN (cloud: an Atlassian API token for that email; scoped tokens need CONFLUENCE_BASE_URL=https://api.atlassian.com/ex/confluence/<cloudId>; data center: a personal access token with CONFLUENCE_FLAVOR=datacenter).${said}`;
  if (status === 403)
    return `Confluence denied ${what} (403): the CONFLUENCE_EMAIL account lacks permission in space CONFLUENCE_SPACE_KEY (needs view + add page).${said}`;
  if (status === 404)
    return what.includes("create")
      ? `Confluence answered 404 for ${what}: the space CONFLUENCE_SPACE_KEY (or parent CONFLUENCE_PARENT_PAGE_ID) does not exist or the account has no permission to create pages in it.${said}`
      : `Confluence answered 404 for ${what}: check CONFLUENCE_BASE_URL, CONFLUENCE_SPACE_KEY and the account's view permission.${said}`;
  if (status === 409) return `Confluence reported a conflict (409) during ${what}: the page changed concurrently; rerun to publish a new version.${said}`;
  if (status === 413) return `Confluence refused ${what} as too large (413, request over 5 MB): trim the report appendix or attachments.${said}`;
  if (status === 429) return `Confluence rate limit hit (429) during ${what}; retry later.${said}`;
  return undefined;
}
