import { ApiError } from "../../api/client";
import type { Attendee, GatheringPlan, GatheringTable, GatheringWarning } from "../../api/gatherings";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";

export function FieldErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p role="alert" className="error small">
      {messages.join(" ")}
    </p>
  );
}

/** Every message of an API error, field errors included (a refused move names the rule). */
export function errorMessages(error: unknown): string[] {
  if (!(error instanceof ApiError) || typeof error.body !== "object" || error.body === null) {
    return [];
  }
  return Object.entries(error.body as Record<string, unknown>)
    .filter(([key]) => key !== "code")
    .map(([, v]) => v)
    .flatMap((v) =>
    typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === "string") : [],
  );
}

const RULE_KEYS: Record<GatheringWarning["rule"], MessageKey> = {
  line: "gath.warn.line",
  unit: "gath.warn.unit",
  known: "gath.warn.known",
  met: "gath.warn.met",
  one_administration: "gath.warn.oneAdministration",
  size: "gath.warn.size",
};

/** A table's warnings in words: names come from the plan, never a reason beyond the rule. */
export function useWarningText(plan: GatheringPlan) {
  const { t } = useI18n();
  const names = new Map<number, string>(plan.attendees.map((a: Attendee) => [a.id, a.name]));
  return (w: GatheringWarning, table: GatheringTable) =>
    t(RULE_KEYS[w.rule], {
      names: w.leaders.map((id) => names.get(id) ?? String(id)).join(t("gath.and")),
      round: w.met_round ?? "",
      table: table.number,
      count: table.members.length,
      min: plan.gathering.table_min ?? 6,
      max: plan.gathering.table_max ?? 8,
    });
}
