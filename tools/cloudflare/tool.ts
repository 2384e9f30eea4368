// LangChain tool over the Cloudflare audit log client, for the gatherer agent's tool-calling loop
// (graph/nodes/gather-agent.ts). Read-only. The model gets compact JSON (untrusted data); the normalised events
// travel beside it as the tool message's artifact, so the agent can label, cite and count them.
import { tool } from "@langchain/core/tools";
import { auditToolInput, runAuditTool, type AuditToolArtifact } from "../audit-tool.ts";
import type { CloudflareAuditClient } from "./client.ts";

export const CloudflareAuditToolInput = auditToolInput({
  actor: "actor email, or Cloudflare user id",
  ip: "source IP (or CIDR) of the requests",
  resource_id: "id of the changed resource (DNS record, token, rule, member …)",
});

export function cloudflareAuditTool(gatherer: { client: CloudflareAuditClient }, opts: { maxEvents?: number; maxRecords?: number } = {}) {
  return tool(
    async (input, config): Promise<[string, AuditToolArtifact]> => {
      const since = new Date(input.since);
      const before = new Date(input.before);
      const email = input.actor?.includes("@") ? input.actor : undefined;
      const actorId = input.actor && !email ? input.actor : undefined;
      return runAuditTool("cloudflare", config?.signal, opts.maxEvents, async () => {
        const r = await gatherer.client.fetch({
          actorEmail: email,
          actorId,
          ip: input.ip,
          resourceId: input.resource_id,
          since,
          before,
          maxRecords: opts.maxRecords ?? 1000,
          ...(config?.signal ? { signal: config.signal } : {}),
        });
        // v1 cannot filter on a resource: its page is the account's window, matched here
        const events = r.events.filter((e) => e.ts >= since.getTime() && e.ts <= before.getTime() && (input.resource_id === undefined || e.resource.id === input.resource_id));
        return { events, pages: r.pages, truncated: r.truncated, info: { api: r.api, truncated: r.truncated, rejected: r.rejected } };
      });
    },
    {
      name: "cloudflare_audit_logs",
      description:
        "Fetch Cloudflare account audit log events for an actor, a source IP and/or a resource id in a time window. Returns compact JSON of normalised events (untrusted data).",
      schema: CloudflareAuditToolInput,
      responseFormat: "content_and_artifact",
    },
  );
}
