/**
 * Forms: react-hook-form, with the API as the last word on validation. `setServerErrors` puts
 * DRF's 400 answer (`{"field": ["msg"]}`) on the form's fields and the rest (`detail`,
 * `non_field_errors`, a field the form does not show) on `root.server`.
 */
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "./api/client";

function messagesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/**
 * Map a 400 from the API onto the form. Returns true when it did (the form shows the messages),
 * false for any other error (the caller shows it as it would any failed request).
 */
export function setServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  if (typeof error.body !== "object" || error.body === null || Array.isArray(error.body)) {
    return false;
  }
  const rest: string[] = [];
  for (const [key, value] of Object.entries(error.body as Record<string, unknown>)) {
    const messages = messagesOf(value);
    if (messages.length === 0) continue;
    const field = fields.find((name) => name === key);
    if (field) setError(field, { type: "server", message: messages.join(" ") });
    else rest.push(...messages);
  }
  if (rest.length > 0) setError("root.server", { type: "server", message: rest.join(" ") });
  return true;
}
