/**
 * Leader meetings (Ledertræf): HR's meetings, attendees, composing the tables of each round,
 * moving a person and the printable plan (`/api/gatherings/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Gathering = S["Gathering"];
export type GatheringInput = S["GatheringInputRequest"];
export type GatheringPlan = S["GatheringPlan"];
export type GatheringRound = S["GatheringRound"];
export type GatheringTable = S["GatheringTable"];
export type GatheringWarning = S["GatheringWarning"];
export type AttendeesInput = S["AttendeesAddInputRequest"];
export type Attendee = GatheringPlan["attendees"][number];

export async function gatherings(): Promise<Gathering[]> {
  return unwrap(await api.GET("/api/gatherings/", { params: { query: { page_size: 200 } } })).results;
}

export async function gatheringCreate(body: GatheringInput): Promise<Gathering> {
  return unwrap(await api.POST("/api/gatherings/", { body }));
}

const path = (gatheringId: number) => ({ path: { gathering_id: gatheringId } });

export async function gatheringPlan(gatheringId: number): Promise<GatheringPlan> {
  return unwrap(await api.GET("/api/gatherings/{gathering_id}/", { params: path(gatheringId) }));
}

export async function attendeesAdd(gatheringId: number, body: AttendeesInput): Promise<number> {
  return unwrap(
    await api.POST("/api/gatherings/{gathering_id}/attendees/", { params: path(gatheringId), body }),
  ).added;
}

export async function attendeeRemove(gatheringId: number, leaderId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/gatherings/{gathering_id}/attendees/{leader_id}/", {
      params: { path: { gathering_id: gatheringId, leader_id: leaderId } },
    }),
  );
}

export async function gatheringCompose(gatheringId: number): Promise<GatheringPlan> {
  return unwrap(
    await api.POST("/api/gatherings/{gathering_id}/compose/", { params: path(gatheringId), body: { seed: 42 } }),
  );
}

export async function seatMove(
  gatheringId: number,
  body: { round: number; leader: number; table: number },
): Promise<GatheringPlan> {
  return unwrap(
    await api.POST("/api/gatherings/{gathering_id}/move/", { params: path(gatheringId), body }),
  );
}

export const gatheringsKeys = {
  all: ["gatherings"] as const,
  list: () => [...gatheringsKeys.all, "list"] as const,
  plan: (gatheringId: number) => [...gatheringsKeys.all, "plan", gatheringId] as const,
};

export const gatheringsQueries = {
  list: () => queryOptions({ queryKey: gatheringsKeys.list(), queryFn: gatherings }),
  plan: (gatheringId: number) =>
    queryOptions({ queryKey: gatheringsKeys.plan(gatheringId), queryFn: () => gatheringPlan(gatheringId) }),
};
