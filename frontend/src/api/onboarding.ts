/** Onboarding plans, items, dashboards and the calendar feed (`/api/onboarding/`). */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";
import type { ItemStatus, PlanDetail, PlanItem, PlanRow, Weight } from "./types";

export type CalendarFeed = components["schemas"]["CalendarFeedUrl"];

// One municipality's new leaders fit in one page of 500.
const ALL = { page_size: 500 } as const;

/** The first-90-days dashboard: HR's scope, or a boss's new leaders (and their own plan). */
export async function dashboard(): Promise<PlanRow[]> {
  const page = unwrap(await api.GET("/api/onboarding/dashboard/", { params: { query: ALL } }));
  return page.results as PlanRow[];
}

/** Every active plan the caller may see. */
export async function plans(): Promise<PlanRow[]> {
  const page = unwrap(await api.GET("/api/onboarding/plans/", { params: { query: ALL } }));
  return page.results as PlanRow[];
}

export async function plan(planId: number): Promise<PlanDetail> {
  const result = await api.GET("/api/onboarding/plans/{plan_id}/", {
    params: { path: { plan_id: planId } },
  });
  return unwrap(result) as PlanDetail;
}

/** The caller's own plan, or null when they have none. */
export async function myPlan(leaderId: number | null): Promise<PlanDetail | null> {
  const mine = (await plans()).find((row) => row.leader.id === leaderId);
  return mine ? plan(mine.id) : null;
}

export async function itemStatusSet(
  itemId: number,
  status: ItemStatus,
  reason = "",
): Promise<PlanItem> {
  const result = await api.PATCH("/api/onboarding/items/{item_id}/", {
    params: { path: { item_id: itemId } },
    body: { status, reason },
  });
  return unwrap(result) as PlanItem;
}

export async function itemNeedHelp(itemId: number, weight: Weight = 2): Promise<PlanItem> {
  const result = await api.POST("/api/onboarding/items/{item_id}/need-help/", {
    params: { path: { item_id: itemId } },
    body: { weight },
  });
  return unwrap(result) as PlanItem;
}

/** My personal calendar-feed URL (created on first use). */
export async function calendarFeed(): Promise<CalendarFeed> {
  return unwrap(await api.GET("/api/onboarding/calendar/"));
}

/** A new feed URL; the old one stops working. */
export async function calendarFeedRotate(): Promise<CalendarFeed> {
  return unwrap(await api.POST("/api/onboarding/calendar/rotate/"));
}

/** Query keys: everything under `["onboarding"]`; an item change invalidates `plans`. */
export const onboardingKeys = {
  all: ["onboarding"] as const,
  plans: () => [...onboardingKeys.all, "plans"] as const,
  calendarFeed: () => [...onboardingKeys.all, "calendar-feed"] as const,
};

export const onboardingQueries = {
  // The dashboard rows carry progress, so they live under `plans` too.
  dashboard: () =>
    queryOptions({ queryKey: [...onboardingKeys.plans(), "dashboard"], queryFn: dashboard }),
  myPlan: (leaderId: number | null) =>
    queryOptions({
      queryKey: [...onboardingKeys.plans(), "mine", leaderId],
      queryFn: () => myPlan(leaderId),
    }),
  plan: (planId: number) =>
    queryOptions({ queryKey: [...onboardingKeys.plans(), planId], queryFn: () => plan(planId) }),
  calendarFeed: () =>
    queryOptions({ queryKey: onboardingKeys.calendarFeed(), queryFn: calendarFeed }),
};
