/**
 * A leader's own networks: memberships, suggestions, joining, join requests, coffee roulette,
 * learning-network sign-ups and introductions (`/api/me/…`, `/api/networks/…`,
 * `/api/network-join-requests/…`, `/api/network-signups/…`, `/api/peers/introductions/…`).
 */
import { api, request, unwrap } from "./client";
import type { components } from "./schema";
import type { Page } from "./types";

type S = components["schemas"];

export type Membership = S["LeaderMembership"];
export type NetworkSuggestion = S["NetworkSuggestion"];
export type JoinRequest = S["JoinRequestOutput"];
export type RoulettePair = S["RoulettePairOutput"];
export type RouletteSetting = S["RouletteSetting"];
export type SignUp = S["SignUpOutput"];
export type SignUpDetail = S["SignUpDetail"];
export type Introduction = Omit<S["IntroductionOutput"], "direction" | "contact"> & {
  direction: "sent" | "received";
  /** Only once the introduction is accepted. */
  contact: { name: string; email: string; phone: string } | null;
};

// One page of 500 holds every row a single leader has in these lists.
const ALL = { page_size: 500 } as const;

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
  // The generated body type collides with another endpoint's "InputRequest"; send it plainly.
  const body = await request<{ status: "member" | "requested" }>(
    "POST",
    `/api/networks/${networkId}/join/`,
    { message },
  );
  return body.status;
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
  return request<RouletteSetting>("GET", `/api/networks/${networkId}/roulette/`);
}

/** Sit out the next round; returns its number. */
export async function rouletteOptOut(networkId: number): Promise<number> {
  const result = await api.POST("/api/networks/{network_id}/roulette/opt-out/", {
    params: { path: { network_id: networkId } },
  });
  return unwrap(result).round;
}

/** The sign-ups I may join or have joined, each with whether I am registered. */
export async function signUps(): Promise<SignUpDetail[]> {
  const list = unwrap(await api.GET("/api/network-signups/", { params: { query: ALL } }));
  // The list has no per-caller field; a leader sees a handful of sign-ups, so ask each.
  return Promise.all(list.results.map((row) => signUp(row.id)));
}

export async function signUp(signupId: number): Promise<SignUpDetail> {
  const result = await api.GET("/api/network-signups/{signup_id}/", {
    params: { path: { signup_id: signupId } },
  });
  return unwrap(result);
}

export async function register(signupId: number): Promise<void> {
  await request("POST", `/api/network-signups/${signupId}/registration/`);
}

export async function withdraw(signupId: number): Promise<void> {
  await request("DELETE", `/api/network-signups/${signupId}/registration/`);
}

export async function introductions(): Promise<Introduction[]> {
  const page = await request<Page<Introduction>>(
    "GET",
    "/api/peers/introductions/?page_size=500",
  );
  return page.results;
}

export type IntroductionAction = "accept" | "decline" | "withdraw";

export function introductionAct(id: number, action: IntroductionAction): Promise<Introduction> {
  return request<Introduction>("POST", `/api/peers/introductions/${id}/${action}/`);
}
