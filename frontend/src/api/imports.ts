/** The HR leader import (`POST /api/imports/leaders/`, multipart). */
import { queryOptions } from "@tanstack/react-query";
import { api, ApiError, unwrap } from "./client";
import type { components } from "./schema";

export type ImportError = components["schemas"]["LeaderImportError"];
export type ImportAction = components["schemas"]["LeaderImportAction"];
export type ImportResult = components["schemas"]["LeaderImportResult"];

/** Preview (`dryRun`) or import a file. A file with errors comes back as a result, not a throw. */
export async function leadersImport(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append("file", file);
  form.append("dry_run", dryRun ? "true" : "false");
  const result = await api.POST("/api/imports/leaders/", {
    // openapi-typescript types the binary `file` as a string; openapi-fetch sends FormData as
    // it is (the browser sets the multipart boundary).
    body: form as unknown as components["schemas"]["LeaderImportInputRequest"],
  });
  if (result.data !== undefined) return result.data;
  // A refused file that was read carries every field of the result (see LeaderImportRefused).
  const body = result.error as Partial<ImportResult> | undefined;
  if (result.response.status === 400 && body && Array.isArray(body.errors)) {
    return { ...(body as ImportResult), ok: false };
  }
  throw new ApiError(result.response.status, result.error ?? null);
}

export type ImportColumn = components["schemas"]["LeaderImportColumn"];

/** The import file's columns, in the template's order (the column guide). */
export async function importColumns(): Promise<ImportColumn[]> {
  return unwrap(await api.GET("/api/imports/leaders/columns/"));
}

/** Where the browser downloads the template (a plain link: the session cookie goes along). */
export function importTemplateUrl(kind: "csv" | "xlsx"): string {
  return `/api/imports/leaders/template.${kind}`;
}

export const importQueries = {
  columns: () => queryOptions({ queryKey: ["imports", "columns"], queryFn: importColumns }),
};
