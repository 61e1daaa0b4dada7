/** HR's follow-up on mentoring: flags on pairs and a programme's figures (`/api/mentoring/flags/`, `/api/programmes/{id}/analytics/`). */
import { api, request, unwrap } from "./client";
import type { components } from "./schema";
import type { Page } from "./types";

type S = components["schemas"];

export type Flag = S["FlagOutput"];
export type Analytics = S["ProgrammeAnalytics"];
export type AnalyticsFigures = S["AnalyticsFigures"];
export type AnalyticsCell = S["AnalyticsCell"];

export async function flags(): Promise<Flag[]> {
  const page = await request<Page<Flag>>("GET", "/api/mentoring/flags/?page_size=200");
  return page.results;
}

export async function flagResolve(flagId: number): Promise<void> {
  unwrap(
    await api.POST("/api/mentoring/flags/{flag_id}/resolve/", {
      params: { path: { flag_id: flagId } },
    }),
  );
}

export async function programmeAnalytics(programmeId: number): Promise<Analytics> {
  return unwrap(
    await api.GET("/api/programmes/{programme_id}/analytics/", {
      params: { path: { programme_id: programmeId } },
    }),
  );
}
