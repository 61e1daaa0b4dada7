/**
 * HR sets up the formal networks: leader groups, learning networks and leadership teams, their
 * members, coffee roulette, and the cohort circles of new leaders (`/api/networks/`,
 * `/api/networks/{id}/members/`, `/api/networks/{id}/roulette/`, `/api/cohort-circles/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Network = S["Network"];
export type NetworkInput = S["NetworkInputRequest"];
export type FormalKind = NetworkInput["kind"];
export type Member = S["Membership"];
export type RouletteSetting = S["RouletteSetting"];
export type RouletteInput = S["RouletteSettingInputRequest"];
export type CohortCircle = S["CohortCircleOutput"];

export const FORMAL_KINDS: FormalKind[] = ["leader_group", "learning_network", "leadership_team"];

export async function formalNetworks(): Promise<Network[]> {
  const result = await api.GET("/api/networks/", {
    params: { query: { kind: FORMAL_KINDS, visibility: "open", page_size: 500 } },
  });
  return unwrap(result).results;
}

export async function networkCreate(body: NetworkInput): Promise<Network> {
  return unwrap(await api.POST("/api/networks/", { body }));
}

export async function networkUpdate(networkId: number, body: Partial<NetworkInput>): Promise<Network> {
  return unwrap(
    await api.PATCH("/api/networks/{network_id}/", {
      params: { path: { network_id: networkId } },
      body,
    }),
  );
}

export async function members(networkId: number): Promise<Member[]> {
  const result = await api.GET("/api/networks/{network_id}/memberships/", {
    params: { path: { network_id: networkId }, query: { page_size: 500 } },
  });
  return unwrap(result).results;
}

export async function membersAdd(networkId: number, leaderIds: number[]): Promise<Member[]> {
  return unwrap(
    await api.POST("/api/networks/{network_id}/members/", {
      params: { path: { network_id: networkId } },
      body: { leader_ids: leaderIds, role: "member" },
    }),
  );
}

export async function memberRemove(networkId: number, leaderId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/networks/{network_id}/members/{leader_id}/", {
      params: { path: { network_id: networkId, leader_id: leaderId } },
    }),
  );
}

export async function roulette(networkId: number): Promise<RouletteSetting> {
  return unwrap(
    await api.GET("/api/networks/{network_id}/roulette/", {
      params: { path: { network_id: networkId } },
    }),
  );
}

export async function rouletteSet(networkId: number, body: RouletteInput): Promise<RouletteSetting> {
  return unwrap(
    await api.PUT("/api/networks/{network_id}/roulette/", {
      params: { path: { network_id: networkId } },
      body,
    }),
  );
}

export async function cohortCircles(): Promise<CohortCircle[]> {
  return unwrap(await api.GET("/api/cohort-circles/", { params: { query: { page_size: 500 } } }))
    .results;
}

export type CohortProposal = S["CohortProposal"];

/** The circles the composer proposes, for HR to review (nothing is created). */
export async function cohortProposal(): Promise<CohortProposal> {
  return unwrap(await api.POST("/api/cohort-circles/proposal/"));
}

/** Create the reviewed circles (the server checks them again). */
export async function cohortCirclesForm(groups: number[][]): Promise<CohortCircle[]> {
  return unwrap(await api.POST("/api/cohort-circles/form/", { body: { groups } }));
}

export const setupKeys = { all: ["network-setup"] as const };

export const setupQueries = {
  networks: () => queryOptions({ queryKey: [...setupKeys.all, "list"], queryFn: formalNetworks }),
  members: (networkId: number) =>
    queryOptions({
      queryKey: [...setupKeys.all, "members", networkId],
      queryFn: () => members(networkId),
    }),
  roulette: (networkId: number) =>
    queryOptions({
      queryKey: [...setupKeys.all, "roulette", networkId],
      queryFn: () => roulette(networkId),
    }),
  circles: () => queryOptions({ queryKey: [...setupKeys.all, "circles"], queryFn: cohortCircles }),
};
