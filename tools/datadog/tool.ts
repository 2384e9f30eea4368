// LangChain tool over the Datadog Audit Trail search, for the gatherer agent's tool-calling loop
// (graph/nodes/gather-agent.ts). Read-only. The model gets compact JSON (untrusted data); the normalised events
// travel beside it as the tool message's artifact, so the agent can label, cite and count them.
import { tool } from "@langchain/core/tools";
import { auditToolInput, runAuditTool, type AuditToolArtifact } from "../audit-tool.ts";
import { actorQuery, ddQuote, type DatadogAuditClient } from "./client.ts";

export const DatadogAuditToolInput = auditToolInput({
  actor: "user email, id or uuid",
  ip: "client IP of the requests",
  resource_id: "id of the changed asset (monitor, role, key, pipeline …)",
});

export function datadogAuditTool(gatherer: { client: DatadogAuditClient }, opts: { maxEvents?: number; maxRecords?: number } = {}) {
  return tool(
    async (input, config): Promise<[string, AuditToolArtifact]> => {
      const parts: string[] = [];
      if (input.actor) parts.push(actorQuery(input.actor));
      if (input.ip) parts.push(`@network.client.ip:${ddQuote(input.ip)}`);
      if (input.resource_id) parts.push(`@asset.id:${ddQuote(input.resource_id)}`);
      return runAuditTool("datadog", config?.signal, opts.maxEvents, async () => {
        const r = await gatherer.client.search(parts.join(" AND "), new Date(input.since), new Date(input.before), opts.maxRecords ?? 1000, config?.signal);
        return { events: r.events, pages: r.pages, truncated: r.truncated, info: { truncated: r.truncated, partial: r.partial, rejected: r.rejected } };
      });
    },
    {
      name: "datadog_audit_events",
      description:
        "Search Datadog Audit Trail events for a user, a client IP and/or an asset id in a time window. Returns compact JSON of normalised events (untrusted data).",
      schema: DatadogAuditToolInput,
      responseFormat: "content_and_artifact",
    },
  );
}
