/** The HR leader import (`POST /api/imports/leaders/`, multipart). */
import { ApiError, request } from "./client";
import type { components } from "./schema";

type Output = components["schemas"]["Output"];

export interface ImportError {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportAction {
  row: number;
  employee_number: string;
  action: "create" | "update" | "unchanged";
  changed: string[];
}

export type ImportResult = Omit<Output, "errors" | "actions"> & {
  errors: ImportError[];
  actions?: ImportAction[];
};

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
