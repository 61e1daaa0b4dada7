/** How the plan screen groups and filters items: phases of the role, topics, the filters. */
import type { PlanItem } from "../../api/types";

/** A period of the role an item is due in. */
export type Phase = "before" | "week1" | "month1" | "days90" | "later" | "none";
export const PHASES: readonly Phase[] = ["before", "week1", "month1", "days90", "later", "none"];

/** What the plan shows: everything, the leader's own items, others', overdue, done. */
export type PlanFilter = "all" | "mine" | "others" | "overdue" | "done";
export const FILTERS: readonly PlanFilter[] = ["all", "mine", "others", "overdue", "done"];

const DAY = 24 * 60 * 60 * 1000;

/** The phase of the role an item is due in, counted from the start date. */
export function phaseOf(due: string | null, start: string): Phase {
  if (!due) return "none";
  const days = Math.round((Date.parse(due) - Date.parse(start)) / DAY);
  if (days < 0) return "before";
  if (days < 7) return "week1";
  if (days < 30) return "month1";
  if (days < 90) return "days90";
  return "later";
}

/** Done or not applicable: nothing left to do. */
export function isClosed(item: PlanItem): boolean {
  return item.status === "done" || item.status === "not_applicable";
}

/** Whether an item passes a filter (the leader's own items are theirs to do). */
export function matches(item: PlanItem, filter: PlanFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "mine":
      return item.owner_role === "new_leader";
    case "others":
      return item.owner_role !== "new_leader";
    case "overdue":
      return item.overdue && !isClosed(item);
    case "done":
      return isClosed(item);
  }
}

export interface TopicGroup {
  /** The topic's label, or null for items without a topic. */
  topic: string | null;
  items: PlanItem[];
}

export interface PhaseGroup {
  phase: Phase;
  /** Open items, by topic (topics in order of their first item; no topic last). */
  open: TopicGroup[];
  /** Done and not-applicable items, shown collapsed. */
  closed: PlanItem[];
  total: number;
}

function byTopic(items: PlanItem[]): TopicGroup[] {
  const groups = new Map<string | null, PlanItem[]>();
  for (const item of items) {
    const topic = item.topic_label ?? null;
    groups.set(topic, [...(groups.get(topic) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => Number(a === null) - Number(b === null))
    .map(([topic, rows]) => ({ topic, items: rows }));
}

/** The items passing `filter`, grouped by phase (in order) and, within a phase, by topic. */
export function groupPlan(items: PlanItem[], start: string, filter: PlanFilter): PhaseGroup[] {
  const shown = items.filter((item) => matches(item, filter));
  return PHASES.map((phase) => {
    const inPhase = shown.filter((item) => phaseOf(item.due_date, start) === phase);
    return {
      phase,
      open: byTopic(inPhase.filter((item) => !isClosed(item))),
      closed: inPhase.filter(isClosed),
      total: inPhase.length,
    };
  }).filter((group) => group.total > 0);
}

/** Topics the leader has already asked for help with (on any item of the plan). */
export function topicsWithHelp(items: PlanItem[]): Set<string> {
  return new Set(items.filter((item) => item.need_help && item.topic).map((item) => item.topic!));
}
