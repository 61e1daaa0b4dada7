/**
 * A leader's own informal networks: start one, invite colleagues, answer an invitation, leave,
 * close; and the leader's own network map (`/api/networks/informal/`, `/api/network-invitations/`,
 * `/api/me/network-map/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import { networksKeys } from "./networks";
import type { components } from "./schema";

type S = components["schemas"];

export type Invitation = S["NetworkInvitation"];
export type InformalNetworkInput = S["InformalNetworkInputRequest"];
export type EgoMap = S["EgoMap"];
export type Colleague = S["InviteCandidate"];

export async function networkStart(body: InformalNetworkInput): Promise<S["NetworkRef"]> {
  return unwrap(await api.POST("/api/networks/informal/", { body }));
}

export async function invite(networkId: number, leaderId: number): Promise<Invitation> {
  return unwrap(
    await api.POST("/api/networks/{network_id}/invitations/", {
      params: { path: { network_id: networkId } },
      body: { leader_id: leaderId },
    }),
  );
}

export async function invitations(): Promise<Invitation[]> {
  return unwrap(await api.GET("/api/network-invitations/"));
}

export async function invitationAnswer(invitationId: number, accept: boolean): Promise<Invitation> {
  const params = { params: { path: { invitation_id: invitationId } } };
  return unwrap(
    accept
      ? await api.POST("/api/network-invitations/{invitation_id}/accept/", params)
      : await api.POST("/api/network-invitations/{invitation_id}/decline/", params),
  );
}

export async function leave(networkId: number): Promise<void> {
  unwrap(
    await api.POST("/api/networks/{network_id}/leave/", {
      params: { path: { network_id: networkId } },
    }),
  );
}

export async function close(networkId: number): Promise<void> {
  unwrap(
    await api.POST("/api/networks/{network_id}/close/", {
      params: { path: { network_id: networkId } },
    }),
  );
}

/** Colleagues whose name matches, who may be invited to the network (members ask). */
export async function colleagues(networkId: number, query: string): Promise<Colleague[]> {
  return unwrap(
    await api.GET("/api/networks/{network_id}/invite-candidates/", {
      params: { path: { network_id: networkId }, query: { q: query } },
    }),
  );
}

export async function egoMap(): Promise<EgoMap> {
  return unwrap(await api.GET("/api/me/network-map/"));
}

export const informalQueries = {
  invitations: () =>
    queryOptions({ queryKey: [...networksKeys.mine(), "invitations"], queryFn: invitations }),
  egoMap: () => queryOptions({ queryKey: [...networksKeys.mine(), "ego-map"], queryFn: egoMap }),
  colleagues: (networkId: number, query: string) =>
    queryOptions({
      queryKey: [...networksKeys.all, "colleagues", networkId, query],
      queryFn: () => colleagues(networkId, query),
      enabled: query.trim().length >= 2,
    }),
};
