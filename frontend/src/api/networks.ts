/**
 * Networks and the ties between leaders. A leader's side: memberships, suggestions, joining,
 * join requests, coffee roulette, learning-network sign-ups (`/api/leaders/{id}/memberships/`,
 * `/api/me/…`, `/api/networks/…`, `/api/network-join-requests/…`, `/api/network-signups/…`).
 * HR's side: sign-ups → compose → draft → move → publish (`/api/network-drafts/`), and the
 * aggregated insights and map (`/api/network-insights/`, `/api/network-map/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Network = S["Network"];
export type Membership = S["LeaderMembership"];
export type NetworkSuggestion = S["NetworkSuggestion"];
export type JoinRequest = S["JoinRequestOutput"];
export type RoulettePair = S["RoulettePairOutput"];
export type RouletteSetting = S["RouletteSetting"];
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
export type InsightsState = S["NetworkInsightsState"];

// One page of 500 holds every row a single leader (or a sign-up) has in these lists.
const ALL = { page_size: 500 } as const;

// --- a leader's own networks -------------------------------------------------------------

export async function memberships(leaderId: number): Promise<Membership[]> {
  const result = await api.GET("/api/leaders/{leader_id}/memberships/", {
    params: { path: { leader_id: leaderId }, query: ALL },
  });
  return unwrap(result).results;
}

export async function suggestions(): Promise<NetworkSuggestion[]> {
  return unwrap(await api.GET("/api/me/network-suggestions/")).results;
}

/** Join an open network (`member`) or ask to join a private one (`requested`). */
export async function join(networkId: number, message = ""): Promise<"member" | "requested"> {
  const result = await api.POST("/api/networks/{network_id}/join/", {
    params: { path: { network_id: networkId } },
    body: { message },
  });
  return unwrap(result).status;
}

export async function joinRequests(): Promise<JoinRequest[]> {
  const result = await api.GET("/api/network-join-requests/", { params: { query: ALL } });
  return unwrap(result).results;
}

export async function joinRequestDecide(requestId: number, accept: boolean): Promise<JoinRequest> {
  const params = { params: { path: { request_id: requestId } } };
  return unwrap(
    accept
      ? await api.POST("/api/network-join-requests/{request_id}/accept/", params)
      : await api.POST("/api/network-join-requests/{request_id}/decline/", params),
  );
}

export async function roulettePairs(): Promise<RoulettePair[]> {
  const result = await api.GET("/api/me/roulette-pairs/", { params: { query: ALL } });
  return unwrap(result).results;
}

/** A network's coffee roulette (`active` false when it has none). */
export async function roulette(networkId: number): Promise<RouletteSetting> {
  return unwrap(
    await api.GET("/api/networks/{network_id}/roulette/", {
      params: { path: { network_id: networkId } },
    }),
  );
}

/** Sit out the next round; returns its number. */
export async function rouletteOptOut(networkId: number): Promise<number> {
  const result = await api.POST("/api/networks/{network_id}/roulette/opt-out/", {
    params: { path: { network_id: networkId } },
  });
  return unwrap(result).round;
}

/** Everything the "my networks" screen shows, with each membership's coffee roulette. */
export async function myNetworks(leaderId: number) {
  const [mine, requests, suggested, pairs] = await Promise.all([
    memberships(leaderId),
    joinRequests(),
    suggestions(),
    roulettePairs(),
  ]);
  // A leader is in a handful of networks; ask each whether it runs a coffee roulette.
  const roulettes = await Promise.all(mine.map((m) => roulette(m.network.id)));
  return {
    memberships: mine.map((membership, i) => ({ membership, roulette: roulettes[i] ?? null })),
    requests,
    suggestions: suggested,
    pairs,
  };
}

export type MyNetworks = Awaited<ReturnType<typeof myNetworks>>;

// --- learning-network sign-ups -----------------------------------------------------------

export async function signups(): Promise<SignUp[]> {
  return unwrap(await api.GET("/api/network-signups/", { params: { query: { page_size: 200 } } }))
    .results;
}

export async function signup(signupId: number): Promise<SignUpDetail> {
  return unwrap(
    await api.GET("/api/network-signups/{signup_id}/", {
      params: { path: { signup_id: signupId } },
    }),
  );
}

/** The sign-ups I may join or have joined, each with whether I am registered. */
export async function mySignUps(): Promise<SignUpDetail[]> {
  const list = unwrap(await api.GET("/api/network-signups/", { params: { query: ALL } }));
  // The list has no per-caller field; a leader sees a handful of sign-ups, so ask each.
  return Promise.all(list.results.map((row) => signup(row.id)));
}

export async function register(signupId: number): Promise<void> {
  unwrap(
    await api.POST("/api/network-signups/{signup_id}/registration/", {
      params: { path: { signup_id: signupId } },
    }),
  );
}

export async function withdraw(signupId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/network-signups/{signup_id}/registration/", {
      params: { path: { signup_id: signupId } },
    }),
  );
}

export async function signupCreate(body: SignUpCreate): Promise<SignUp> {
  return unwrap(await api.POST("/api/network-signups/", { body }));
}

export async function registrations(signupId: number): Promise<Registration[]> {
  const result = await api.GET("/api/network-signups/{signup_id}/registrations/", {
    params: { path: { signup_id: signupId }, query: ALL },
  });
  return unwrap(result).results;
}

// --- HR: compose, review and publish groups ---------------------------------------------

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

// --- HR: insights ------------------------------------------------------------------------

export async function insights(): Promise<InsightsState> {
  return unwrap(await api.GET("/api/network-insights/"));
}

export async function networkMap(): Promise<NetworkMap> {
  return unwrap(await api.GET("/api/network-map/"));
}

/**
 * Query keys: everything under `["networks"]`. A leader's actions invalidate `mine`; sign-up
 * changes invalidate `signups` (HR's list, one sign-up, its drafts and the leader's list).
 */
export const networksKeys = {
  all: ["networks"] as const,
  mine: () => [...networksKeys.all, "mine"] as const,
  signups: () => [...networksKeys.all, "signups"] as const,
  signup: (signupId: number) => [...networksKeys.signups(), signupId] as const,
};

export const networksQueries = {
  myNetworks: (leaderId: number) =>
    queryOptions({ queryKey: [...networksKeys.mine(), leaderId], queryFn: () => myNetworks(leaderId) }),
  mySignUps: () =>
    queryOptions({ queryKey: [...networksKeys.signups(), "mine"], queryFn: mySignUps }),
  signups: () => queryOptions({ queryKey: [...networksKeys.signups(), "list"], queryFn: signups }),
  signup: (signupId: number) =>
    queryOptions({ queryKey: networksKeys.signup(signupId), queryFn: () => signup(signupId) }),
  registrations: (signupId: number) =>
    queryOptions({
      queryKey: [...networksKeys.signup(signupId), "registrations"],
      queryFn: () => registrations(signupId),
    }),
  draft: (draftId: number) =>
    queryOptions({
      queryKey: [...networksKeys.signups(), "draft", draftId],
      queryFn: () => draft(draftId),
    }),
  networks: (ids: number[]) =>
    queryOptions({
      queryKey: [...networksKeys.all, "by-id", ids],
      queryFn: () => Promise.all(ids.map(network)),
    }),
  insights: () =>
    queryOptions({
      queryKey: [...networksKeys.all, "insights"],
      queryFn: insights,
      // Computed by a background task: ask again every second while a computation runs.
      refetchInterval: (query) => {
        const state = query.state.data;
        if (!state || state.status === "failed") return false;
        return state.status === "ready" && !state.stale ? false : 1000;
      },
    }),
  map: () => queryOptions({ queryKey: [...networksKeys.all, "map"], queryFn: networkMap }),
};
