/**
 * The organisation and its leaders as the web app uses them: my support needs, topics,
 * administrations, a leader's profile and the staff who serve a unit (`/api/me/support-needs/`,
 * `/api/topics/`, `/api/administrations/`, `/api/leaders/`, `/api/units/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";
import type { LeaderDetail, SupportNeed, SupportNeedDetail, Topic } from "./types";

type S = components["schemas"];

export type StaffDirectoryEntry = S["StaffDirectoryEntry"];
export type Administration = S["Administration"];
export type SupportNeedCreate = S["SupportNeedCreateInputRequest"];
export type SupportNeedUpdate = S["PatchedSupportNeedUpdateInputRequest"];

// One page of 500 holds every row these screens list.
const ALL = { page_size: 500 } as const;

export async function mySupportNeeds(): Promise<SupportNeed[]> {
  return unwrap(await api.GET("/api/me/support-needs/", { params: { query: ALL } })).results;
}

export async function mySupportNeed(needId: number): Promise<SupportNeedDetail> {
  return unwrap(
    await api.GET("/api/me/support-needs/{need_id}/", { params: { path: { need_id: needId } } }),
  );
}

export async function supportNeedCreate(body: SupportNeedCreate): Promise<SupportNeedDetail> {
  return unwrap(await api.POST("/api/me/support-needs/", { body }));
}

export async function supportNeedUpdate(
  needId: number,
  body: SupportNeedUpdate,
): Promise<SupportNeedDetail> {
  return unwrap(
    await api.PATCH("/api/me/support-needs/{need_id}/", {
      params: { path: { need_id: needId } },
      body,
    }),
  );
}

export async function supportNeedDelete(needId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/me/support-needs/{need_id}/", {
      params: { path: { need_id: needId } },
    }),
  );
}

/** The organisation's active topics. */
export async function topics(): Promise<Topic[]> {
  const page = unwrap(await api.GET("/api/topics/", { params: { query: ALL } }));
  return page.results.filter((topic) => topic.active !== false);
}

export async function administrations(): Promise<Administration[]> {
  return unwrap(await api.GET("/api/administrations/", { params: { query: { page_size: 200 } } }))
    .results;
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

/** Query keys: everything under `["people"]`; a change to my support needs invalidates `needs`. */
export const peopleKeys = {
  all: ["people"] as const,
  needs: () => [...peopleKeys.all, "support-needs"] as const,
  need: (needId: number) => [...peopleKeys.needs(), needId] as const,
};

export const peopleQueries = {
  mySupportNeeds: () => queryOptions({ queryKey: peopleKeys.needs(), queryFn: mySupportNeeds }),
  mySupportNeed: (needId: number) =>
    queryOptions({ queryKey: peopleKeys.need(needId), queryFn: () => mySupportNeed(needId) }),
  topics: () => queryOptions({ queryKey: [...peopleKeys.all, "topics"], queryFn: topics }),
  administrations: () =>
    queryOptions({ queryKey: [...peopleKeys.all, "administrations"], queryFn: administrations }),
  /** The staff who serve my unit (through my leader profile). */
  myStaff: (leaderId: number) =>
    queryOptions({
      queryKey: [...peopleKeys.all, "staff", leaderId],
      queryFn: async () => {
        const unit = (await leader(leaderId)).unit;
        return { unit, entries: unit ? await unitStaff(unit.id) : [] };
      },
    }),
};
