// LangChain tool over the Cloudflare audit log client, for a model-driven pivot loop.
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { compactEventsJson } from "../http.ts";
import type { CloudflareAuditClient } from "./client.ts";

export const CloudflareAuditToolInput = z
  .object({
    actor: z.string().min(1).max(320).optional().describe("actor email, or Cloudflare user id"),
    ip: z.string().min(2).max(64).optional().describe("source IP (or CIDR) of the requests"),
    since: z.iso.datetime({ offset: true }).describe("window start, ISO-8601"),
    before: z.iso.datetime({ offset: true }).describe("window end, ISO-8601"),
  })
  .refine((v) => v.actor !== undefined || v.ip !== undefined, "give actor, ip or both");

export function cloudflareAuditTool(gatherer: { client: CloudflareAuditClient }, opts: { maxEvents?: number; maxRecords?: number } = {}) {
  return tool(
    async (input) => {
      const since = new Date(input.since);
      const before = new Date(input.before);
      const email = input.actor?.includes("@") ? input.actor : undefined;
      const actorId = input.actor && !email ? input.actor : undefined;
      try {
        const r = await gatherer.client.fetch({ actorEmail: email, actorId, ip: input.ip, since, before, maxRecords: opts.maxRecords ?? 1000 });
        const inWindow = r.events.filter((e) => e.ts >= since.getTime() && e.ts <= before.getTime());
        return compactEventsJson(inWindow, { source: "cloudflare", api: r.api, truncated: r.truncated, rejected: r.rejected }, opts.maxEvents ?? 50);
      } catch (e) {
        return JSON.stringify({ source: "cloudflare", error: e instanceof Error ? e.message : String(e) });
      }
    },
    {
      name: "cloudflare_audit_logs",
      description:
        "Fetch Cloudflare account audit log events for an actor and/or source IP in a time window. Returns compact JSON of normalised events (untrusted data).",
      schema: CloudflareAuditToolInput,
    },
  );
}
