import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PlanDetail, PlanItem } from "../api/types";
import { translate } from "../i18n";
import { renderWithProviders, SERVED_RULES } from "../test/render";
import { helpSentence } from "./Privacy";
import { groupPlan, matches, phaseOf } from "./plan/groups";
import { PlanView } from "./PlanView";

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
    offers: [],
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

describe("phases of the role", () => {
  it("counts from the start date", () => {
    expect(phaseOf("2026-02-20", "2026-03-02")).toBe("before");
    expect(phaseOf("2026-03-02", "2026-03-02")).toBe("week1");
    expect(phaseOf("2026-03-08", "2026-03-02")).toBe("week1");
    expect(phaseOf("2026-03-09", "2026-03-02")).toBe("month1");
    expect(phaseOf("2026-04-01", "2026-03-02")).toBe("days90");
    expect(phaseOf("2026-06-30", "2026-03-02")).toBe("later");
    expect(phaseOf(null, "2026-03-02")).toBe("none");
  });

  it("groups by phase, then topic; closed items apart; undated last", () => {
    const items = [
      item(1, null),
      item(2, "2026-03-20", { topic_label: "Budget" }),
      item(3, "2026-02-25"),
      item(4, "2026-03-03", { topic_label: "Vagtplan" }),
      item(5, "2026-03-04", { topic_label: "Budget" }),
      item(6, "2026-03-05", { topic_label: "Vagtplan", status: "done" }),
    ];
    const groups = groupPlan(items, "2026-03-02", "all").map((group) => [
      group.phase,
      group.open.map((topic) => [topic.topic, topic.items.map((row) => row.id)]),
      group.closed.map((row) => row.id),
    ]);
    expect(groups).toEqual([
      ["before", [[null, [3]]], []],
      ["week1", [["Vagtplan", [4]], ["Budget", [5]]], [6]],
      ["month1", [["Budget", [2]]], []],
      ["none", [[null, [1]]], []],
    ]);
  });

  it("filters: the leader's own, others', overdue, done", () => {
    const items = [
      item(1, "2026-03-03"),
      item(2, "2026-03-03", { owner_role: "boss" }),
      item(3, "2026-03-03", { overdue: true }),
      item(4, "2026-03-03", { overdue: true, status: "done" }),
    ];
    const ids = (filter: Parameters<typeof matches>[1]) =>
      items.filter((row) => matches(row, filter)).map((row) => row.id);
    expect(ids("mine")).toEqual([1, 3, 4]);
    expect(ids("others")).toEqual([2]);
    expect(ids("overdue")).toEqual([3]);
    expect(ids("done")).toEqual([4]);
  });
});

const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate("da", key, vars);

describe("PlanView", () => {
  const items = [
    item(1, "2026-03-03", { topic: "budget", topic_label: "Budget", need_help: false }),
    item(2, "2026-03-04", { topic: "budget", topic_label: "Budget", need_help: false }),
    item(3, "2026-03-05", { status: "done" }),
  ];

  it("says once who can see 'I need help', and offers it on items with a topic", () => {
    renderWithProviders(<PlanView plan={plan("self", items)} />, { language: "da" });
    // The sentence built from the rules the server serves (src/components/Privacy.tsx), once.
    expect(screen.getAllByText(helpSentence(SERVED_RULES, da))).toHaveLength(1);
    const card = screen.getByRole("article", { name: "Punkt 1" });
    const button = within(card).getByRole("button", { name: "Jeg har brug for hjælp" });
    expect(button.getAttribute("aria-describedby")).toBe("plan-help-hint");
    expect(screen.getByRole("heading", { name: /Den første uge/ })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Budget" })).toBeTruthy();
  });

  it("folds done items away and shows them under the 'done' filter", () => {
    renderWithProviders(<PlanView plan={plan("self", items)} />, { language: "en" });
    const done = screen.getByText("Done and not applicable (1)");
    expect(done.closest("details")?.open).toBe(false);
    fireEvent.click(screen.getByRole("radio", { name: /Done/ }));
    expect(screen.queryByRole("article", { name: "Punkt 1" })).toBeNull();
    expect(screen.getByRole("article", { name: "Punkt 3" }).closest("details")).toBeNull();
  });

  it("says a second help request on a topic raises the need", () => {
    const asked = [{ ...items[0]!, need_help: true }, items[1]!];
    renderWithProviders(<PlanView plan={plan("self", asked)} />, { language: "en" });
    const card = screen.getByRole("article", { name: "Punkt 2" });
    expect(within(card).getByText(/already asked for help with Budget/)).toBeTruthy();
  });

  it("never offers the boss the help button", () => {
    renderWithProviders(<PlanView plan={plan("boss", items)} />, { language: "en" });
    const card = screen.getByRole("article", { name: "Punkt 1" });
    expect(within(card).queryByRole("button", { name: "I need help" })).toBeNull();
    expect(within(card).getByRole("button", { name: "Mark as done" })).toBeTruthy();
    expect(screen.queryByText(helpSentence(SERVED_RULES, (k, v) => translate("en", k, v)))).toBeNull();
    expect(screen.getByRole("radio", { name: /The leader's/ })).toBeTruthy();
  });
});
