// The labelled-incident format (evals/INCIDENT-FORMAT.md): one JSON file per incident.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
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

export async function loadIncident(file: string): Promise<Incident> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read incident file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`incident file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Incident.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`incident file ${file} does not follow the incident format: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Every *.json file of a directory (not recursive), sorted by name. */
export async function listIncidentFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith(".json")).sort().map((n) => path.join(dir, n));
}
