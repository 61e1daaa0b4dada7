/** The caller's own support needs, topics, their leader profile and unit staff directory. */
import { api, request, unwrap } from "./client";
import type { components } from "./schema";
import type { LeaderDetail, Page, SupportNeed, SupportNeedDetail, Topic, Weight } from "./types";

export type StaffDirectoryEntry = components["schemas"]["StaffDirectoryEntry"];

export async function mySupportNeeds(): Promise<SupportNeed[]> {
  const page = await request<Page<SupportNeed>>("GET", "/api/me/support-needs/?page_size=500");
  return page.results;
}

export async function mySupportNeed(needId: number): Promise<SupportNeedDetail> {
  return unwrap(
    await api.GET("/api/me/support-needs/{need_id}/", { params: { path: { need_id: needId } } }),
  );
}

export async function supportNeedCreate(body: {
  topic: number;
  weight: Weight;
  note: string;
}): Promise<SupportNeedDetail> {
  return unwrap(await api.POST("/api/me/support-needs/", { body }));
}

export async function supportNeedUpdate(
  needId: number,
  body: { weight?: Weight; note?: string; status?: SupportNeed["status"] },
): Promise<SupportNeedDetail> {
  return unwrap(
    await api.PATCH("/api/me/support-needs/{need_id}/", {
      params: { path: { need_id: needId } },
      body,
    }),
  );
}

export async function supportNeedDelete(needId: number): Promise<void> {
  const result = await api.DELETE("/api/me/support-needs/{need_id}/", {
    params: { path: { need_id: needId } },
  });
  if (!result.response.ok) unwrap(result);
}

export async function topics(): Promise<Topic[]> {
  const page = await request<Page<Topic>>("GET", "/api/topics/?page_size=500");
  return page.results.filter((topic) => topic.active !== false);
}

export async function leader(leaderId: number): Promise<LeaderDetail> {
  return unwrap(
    await api.GET("/api/leaders/{leader_id}/", { params: { path: { leader_id: leaderId } } }),
  );
}

export async function unitStaff(unitId: number): Promise<StaffDirectoryEntry[]> {
  return unwrap(
    await api.GET("/api/units/{unit_id}/staff-contacts/", { params: { path: { unit_id: unitId } } }),
  );
}
