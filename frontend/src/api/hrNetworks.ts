/**
 * HR's side of the networks app: learning-network sign-ups → compose → draft → move → publish
 * (`/api/network-signups/`, `/api/network-drafts/`), and the aggregated insights and map
 * (`/api/network-insights/`, `/api/network-map/`).
 */
import { api, request, unwrap } from "./client";
import type { components } from "./schema";
import type { Page } from "./types";

type S = components["schemas"];

export type SignUp = S["SignUpOutput"];
export type SignUpDetail = S["SignUpDetail"];
export type SignUpCreate = S["SignUpCreateInputRequest"];
export type Registration = S["RegistrationOutput"];
export type GroupDraft = S["GroupDraft"];
export type DraftMember = S["LeaderBrief"];
export type Violation = S["GroupDraftViolation"];
export type NetworkMap = S["HrMap"];
export type MapNode = S["HrMapNode"];
export type MapEdge = S["HrMapEdge"];
export type Insights = S["NetworkInsights"];
export type Administration = S["Administration"];
export type Network = S["Network"];

export async function signups(): Promise<SignUp[]> {
  const page = await request<Page<SignUp>>("GET", "/api/network-signups/?page_size=200");
  return page.results;
}

export async function signupCreate(body: SignUpCreate): Promise<SignUp> {
  return unwrap(await api.POST("/api/network-signups/", { body }));
}

export async function signup(signupId: number): Promise<SignUpDetail> {
  return unwrap(
    await api.GET("/api/network-signups/{signup_id}/", {
      params: { path: { signup_id: signupId } },
    }),
  );
}

export async function registrations(signupId: number): Promise<Registration[]> {
  const page = await request<Page<Registration>>(
    "GET",
    `/api/network-signups/${signupId}/registrations/?page_size=500`,
  );
  return page.results;
}

export async function compose(signupId: number): Promise<GroupDraft> {
  return unwrap(
    await api.POST("/api/network-signups/{signup_id}/compose/", {
      params: { path: { signup_id: signupId } },
      body: { seed: 42 },
    }),
  );
}

export async function draft(draftId: number): Promise<GroupDraft> {
  return unwrap(
    await api.GET("/api/network-drafts/{draft_id}/", { params: { path: { draft_id: draftId } } }),
  );
}

/** Move a leader to group `toGroup` (0-based; `groups.length` opens a new group). */
export async function draftMove(draftId: number, leader: number, toGroup: number): Promise<GroupDraft> {
  return unwrap(
    await api.POST("/api/network-drafts/{draft_id}/move/", {
      params: { path: { draft_id: draftId } },
      body: { leader, to_group: toGroup },
    }),
  );
}

export async function draftPublish(draftId: number): Promise<GroupDraft> {
  return unwrap(
    await api.POST("/api/network-drafts/{draft_id}/publish/", {
      params: { path: { draft_id: draftId } },
    }),
  );
}

export async function network(networkId: number): Promise<Network> {
  return unwrap(
    await api.GET("/api/networks/{network_id}/", { params: { path: { network_id: networkId } } }),
  );
}

export async function administrations(): Promise<Administration[]> {
  const page = await request<Page<Administration>>("GET", "/api/administrations/?page_size=200");
  return page.results;
}

export async function insights(): Promise<Insights> {
  return unwrap(await api.GET("/api/network-insights/"));
}

export async function networkMap(): Promise<NetworkMap> {
  return unwrap(await api.GET("/api/network-map/"));
}
