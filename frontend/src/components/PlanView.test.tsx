import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PlanDetail, PlanItem } from "../api/types";
import { translate } from "../i18n";
import { renderWithProviders, SERVED_RULES } from "../test/render";
import { helpSentence } from "./Privacy";
import { groupByWeek, PlanView, weekOf } from "./PlanView";

function item(id: number, due: string | null, extra: Partial<PlanItem> = {}): PlanItem {
  return {
    id,
    plan: 1,
    title: `Punkt ${id}`,
    guidance: "",
    title_da: `Punkt ${id}`,
    title_en: `Item ${id}`,
    topic_label: null,
    owner_role: "new_leader",
    staff_function_kind: "",
    owner_name: "Mette Kjær",
    owner_label: "Ny leder",
    owner_email: "",
    owner_fallback: false,
    due_date: due,
    status: "todo",
    not_applicable_reason: "",
    completed_by: null,
    completed_at: null,
    required: true,
    personal: false,
    depends_on: null,
    blocked: false,
    overdue: false,
    ...extra,
  };
}

function plan(viewer: PlanDetail["viewer"], items: PlanItem[]): PlanDetail {
  return {
    id: 1,
    leader: { id: 7, name: "Mette Kjær", role_title: "Dagtilbudsleder" },
    role_start_date: "2026-03-02",
    status: "active",
    day: 10,
    in_first_90_days: true,
    viewer,
    progress: { done: 0, total: items.length, percent: 0, overdue: 0, next_due: null },
    items,
  } as PlanDetail;
}

describe("weeks of the role", () => {
  it("counts from the start date; before the start is week 0", () => {
    expect(weekOf("2026-03-02", "2026-03-02")).toBe(1);
    expect(weekOf("2026-03-08", "2026-03-02")).toBe(1);
    expect(weekOf("2026-03-09", "2026-03-02")).toBe(2);
    expect(weekOf("2026-02-20", "2026-03-02")).toBe(0);
    expect(weekOf(null, "2026-03-02")).toBeNull();
  });

  it("groups in order with undated items last", () => {
    const items = [item(1, null), item(2, "2026-03-20"), item(3, "2026-02-25"), item(4, "2026-03-03")];
    const groups = groupByWeek(items, "2026-03-02").map(([week, rows]) => [
      week,
      rows.map((row) => row.id),
    ]);
    expect(groups).toEqual([
      [0, [3]],
      [1, [4]],
      [3, [2]],
      [null, [1]],
    ]);
  });
});

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);

describe("PlanView", () => {
  const items = [item(1, "2026-03-03", { topic_label: "Budget", need_help: false })];

  it("offers the leader 'I need help' and says who can see it", () => {
    renderWithProviders(<PlanView plan={plan("self", items)} />, { language: "da" });
    const card = screen.getByRole("article", { name: "Punkt 1" });
    expect(within(card).getByRole("button", { name: "Jeg har brug for hjælp" })).toBeTruthy();
    // The sentence built from the rules the server serves (src/components/Privacy.tsx).
    expect(within(card).getByText(helpSentence(SERVED_RULES, da))).toBeTruthy();
    expect(within(card).getByText(/Kun du og HR kan se, at du beder om hjælp/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Uge 1" })).toBeTruthy();
  });

  it("never offers the boss the help button", () => {
    renderWithProviders(<PlanView plan={plan("boss", items)} />, { language: "en" });
    const card = screen.getByRole("article", { name: "Punkt 1" });
    expect(within(card).queryByRole("button", { name: "I need help" })).toBeNull();
    expect(within(card).getByRole("button", { name: "Mark as done" })).toBeTruthy();
  });
});
