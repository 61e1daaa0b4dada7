/**
 * The peer finder and introductions between leaders: find peers, ask for an introduction, answer
 * or withdraw one (`/api/peers/`, `/api/peers/introductions/…`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components, paths } from "./schema";

type S = components["schemas"];

export type PeerQuery = NonNullable<paths["/api/peers/"]["get"]["parameters"]["query"]>;
export type Peer = S["Peer"];
export type Introduction = Omit<S["IntroductionOutput"], "direction" | "contact"> & {
  direction: "sent" | "received";
  /** Only once the introduction is accepted. */
  contact: { name: string; email: string; phone: string } | null;
};
export type IntroductionAction = "accept" | "decline" | "withdraw";

export async function peers(query: PeerQuery): Promise<Peer[]> {
  return unwrap(await api.GET("/api/peers/", { params: { query } })).results;
}

export async function introductionRequest(toLeader: number, message: string): Promise<void> {
  unwrap(await api.POST("/api/peers/introductions/", { body: { to_leader: toLeader, message } }));
}

export async function introductions(): Promise<Introduction[]> {
  const result = await api.GET("/api/peers/introductions/", {
    params: { query: { page_size: 500 } },
  });
  return unwrap(result).results as Introduction[];
}

export async function introductionAct(
  introductionId: number,
  action: IntroductionAction,
): Promise<Introduction> {
  const params = { params: { path: { introduction_id: introductionId } } };
  const result =
    action === "accept"
      ? await api.POST("/api/peers/introductions/{introduction_id}/accept/", params)
      : action === "decline"
        ? await api.POST("/api/peers/introductions/{introduction_id}/decline/", params)
        : await api.POST("/api/peers/introductions/{introduction_id}/withdraw/", params);
  return unwrap(result) as Introduction;
}

/** Query keys: everything under `["peers"]`; asking or answering invalidates `introductions`. */
export const peersKeys = {
  all: ["peers"] as const,
  introductions: () => [...peersKeys.all, "introductions"] as const,
};

export const peersQueries = {
  peers: (query: PeerQuery) =>
    queryOptions({ queryKey: [...peersKeys.all, "finder", query], queryFn: () => peers(query) }),
  introductions: () =>
    queryOptions({ queryKey: peersKeys.introductions(), queryFn: introductions }),
};
