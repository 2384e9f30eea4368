// Reads a JSON file and checks it against a zod schema, failing with a message that names the file, what it was
// expected to be and, where given, how to get a good one: the loader of labelled incidents and of saved eval reports.
import { readFile } from "node:fs/promises";
import type { z } from "zod";

export interface JsonFileWords {
  /** What the file is, as the read and JSON errors name it: "incident file", "eval report". */
  noun: string;
  /** Appended to the read error, e.g. `; pass a file written by "casefile eval --json"`. */
  readHint?: string;
  /** The schema error, given the first issue as `path: message`. */
  invalid: (issue: string) => string;
}

export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, words: JsonFileWords): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${words.noun} ${file}: ${(err as Error).message}${words.readHint ?? ""}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${words.noun} ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(words.invalid(`${issue?.path.join(".") || "(root)"}: ${issue?.message}`));
  }
  return parsed.data;
}
