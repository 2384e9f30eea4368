// LangChain tool over the Datadog Audit Trail search, for a model-driven pivot loop.
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { compactEventsJson } from "../http.ts";
import { actorQuery, ddQuote, type DatadogAuditClient } from "./client.ts";

export const DatadogAuditToolInput = z
  .object({
    actor: z.string().min(1).max(320).optional().describe("user email, id or uuid"),
    ip: z.string().min(2).max(64).optional().describe("client IP of the requests"),
    since: z.iso.datetime({ offset: true }).describe("window start, ISO-8601"),
    before: z.iso.datetime({ offset: true }).describe("window end, ISO-8601"),
  })
  .refine((v) => v.actor !== undefined || v.ip !== undefined, "give actor, ip or both");

export function datadogAuditTool(gatherer: { client: DatadogAuditClient }, opts: { maxEvents?: number; maxRecords?: number } = {}) {
  return tool(
    async (input) => {
      const parts: string[] = [];
      if (input.actor) parts.push(actorQuery(input.actor));
      if (input.ip) parts.push(`@network.client.ip:${ddQuote(input.ip)}`);
      try {
        const r = await gatherer.client.search(parts.join(" AND "), new Date(input.since), new Date(input.before), opts.maxRecords ?? 1000);
        return compactEventsJson(r.events, { source: "datadog", truncated: r.truncated, partial: r.partial, rejected: r.rejected }, opts.maxEvents ?? 50);
      } catch (e) {
        return JSON.stringify({ source: "datadog", error: e instanceof Error ? e.message : String(e) });
      }
    },
    {
      name: "datadog_audit_events",
      description:
        "Search Datadog Audit Trail events for a user and/or client IP in a time window. Returns compact JSON of normalised events (untrusted data).",
      schema: DatadogAuditToolInput,
    },
  );
}
