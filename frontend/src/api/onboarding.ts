/** Onboarding plans, items and dashboards (`/api/onboarding/`). */
import { api, request, unwrap } from "./client";
import type { components } from "./schema";
import type { ItemStatus, Page, PlanDetail, PlanItem, PlanRow, Weight } from "./types";

/** The first-90-days dashboard: HR's scope, or a boss's new leaders (and their own plan). */
export async function dashboard(): Promise<PlanRow[]> {
  // The list is paginated; one municipality's new leaders fit in one page of 500.
  const page = await request<Page<PlanRow>>("GET", "/api/onboarding/dashboard/?page_size=500");
  return page.results;
}

/** Every active plan the caller may see. */
export async function plans(): Promise<PlanRow[]> {
  const page = await request<Page<PlanRow>>("GET", "/api/onboarding/plans/?page_size=500");
  return page.results;
}

export function plan(planId: number): Promise<PlanDetail> {
  // A plain APIView: its response is not in the schema, hence the untyped request.
  return request<PlanDetail>("GET", `/api/onboarding/plans/${planId}/`);
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

export function itemNeedHelp(itemId: number, weight: Weight = 2): Promise<PlanItem> {
  // The schema gives this body the wrong shape (two serializers named "InputSerializer").
  return request<PlanItem>("POST", `/api/onboarding/items/${itemId}/need-help/`, { weight });
}

export type CalendarFeed = components["schemas"]["CalendarFeedUrl"];

/** My personal calendar-feed URL (created on first use). */
export async function calendarFeed(): Promise<CalendarFeed> {
  return unwrap(await api.GET("/api/onboarding/calendar/"));
}

/** A new feed URL; the old one stops working. */
export async function calendarFeedRotate(): Promise<CalendarFeed> {
  return unwrap(await api.POST("/api/onboarding/calendar/rotate/"));
}
