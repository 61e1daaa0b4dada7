/** The HR leader import (`POST /api/imports/leaders/`, multipart). */
import { ApiError, request } from "./client";
import type { components } from "./schema";

export type ImportError = components["schemas"]["LeaderImportError"];
export type ImportAction = components["schemas"]["LeaderImportAction"];
export type ImportResult = components["schemas"]["LeaderImportResult"];

/** Preview (`dryRun`) or import a file. A file with errors comes back as a result, not a throw. */
export async function leadersImport(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append("file", file);
  form.append("dry_run", dryRun ? "true" : "false");
  try {
    return await request<ImportResult>("POST", "/api/imports/leaders/", form);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const body = error.body as Partial<ImportResult> | null;
      if (body && Array.isArray(body.errors)) return { ...(body as ImportResult), ok: false };
    }
    throw error;
  }
}
