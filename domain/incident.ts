// The labelled-incident format (evals/INCIDENT-FORMAT.md): one JSON file per incident.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "./json-file.ts";
import { Anomaly, LABELS } from "./schemas.ts";

export const Fault = z.union([
  z.enum(["unavailable", "rate_limited_once", "forbidden"]),
  z.string().regex(/^slow:\d+$/),
]);
export type Fault = z.infer<typeof Fault>;

export const Incident = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/),
  title: z.string().optional(),
  now: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 timestamp"),
  anomaly: Anomaly,
  sources: z.looseObject({
    cloudflare: z
      .looseObject({
        account_id: z.string(),
        audit_logs: z.array(z.unknown()).default([]),
        audit_logs_v2: z.array(z.unknown()).optional(),
      })
      .optional(),
    datadog: z
      .looseObject({
        site: z.string().default("datadoghq.com"),
        audit_events: z.array(z.unknown()).default([]),
      })
      .optional(),
  }),
  faults: z.record(z.string(), Fault).optional(),
  label: z
    .looseObject({
      verdict: z.enum(LABELS),
      key_event_ids: z.array(z.string()).optional(),
      techniques: z.array(z.string()).optional(),
      rationale: z.string().optional(),
    })
    .optional(),
});
export type Incident = z.infer<typeof Incident>;

export function loadIncident(file: string): Promise<Incident> {
  return readJsonFile(file, Incident, {
    noun: "incident file",
    invalid: (issue) => `incident file ${file} does not follow the incident format: ${issue}`,
  });
}

/** Every *.json file of a directory (not recursive), sorted by name. */
export async function listIncidentFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith(".json")).sort().map((n) => path.join(dir, n));
}
