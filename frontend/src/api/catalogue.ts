/**
 * The staff functions' offers ("hjælpetropper") and the leaders' requests for them
 * (`/api/staff-offers/`, `/api/staff-offer-requests/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Offer = S["StaffOfferOutput"];
export type OfferInput = S["StaffOfferInputRequest"];
export type OfferRequest = S["StaffOfferRequestOutput"];
export type OfferRequestInput = S["StaffOfferRequestInputRequest"];
export type OfferRequestUpdate = S["PatchedStaffOfferRequestUpdateInputRequest"];
export type RequestStatus = OfferRequest["status"];

const ALL = { page_size: 500 } as const;

export async function offers(): Promise<Offer[]> {
  return unwrap(await api.GET("/api/staff-offers/", { params: { query: ALL } })).results;
}

export async function offerCreate(body: OfferInput): Promise<Offer> {
  return unwrap(await api.POST("/api/staff-offers/", { body }));
}

export async function offerUpdate(offerId: number, body: Partial<OfferInput>): Promise<Offer> {
  return unwrap(
    await api.PATCH("/api/staff-offers/{staff_offer_id}/", {
      params: { path: { staff_offer_id: offerId } },
      body,
    }),
  );
}

export async function offerDelete(offerId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/staff-offers/{staff_offer_id}/", {
      params: { path: { staff_offer_id: offerId } },
    }),
  );
}

export async function offerRequest(offerId: number, body: OfferRequestInput): Promise<OfferRequest> {
  return unwrap(
    await api.POST("/api/staff-offers/{staff_offer_id}/requests/", {
      params: { path: { staff_offer_id: offerId } },
      body,
    }),
  );
}

export async function myRequests(): Promise<OfferRequest[]> {
  return unwrap(await api.GET("/api/staff-offer-requests/mine/", { params: { query: ALL } }))
    .results;
}

export async function boardRequests(): Promise<OfferRequest[]> {
  return unwrap(await api.GET("/api/staff-offer-requests/", { params: { query: ALL } })).results;
}

export async function requestUpdate(
  requestId: number,
  body: OfferRequestUpdate,
): Promise<OfferRequest> {
  return unwrap(
    await api.PATCH("/api/staff-offer-requests/{staff_request_id}/", {
      params: { path: { staff_request_id: requestId } },
      body,
    }),
  );
}

export async function requestWithdraw(requestId: number): Promise<OfferRequest> {
  return unwrap(
    await api.POST("/api/staff-offer-requests/{staff_request_id}/withdraw/", {
      params: { path: { staff_request_id: requestId } },
    }),
  );
}

export const catalogueKeys = {
  all: ["catalogue"] as const,
};

export const catalogueQueries = {
  offers: () => queryOptions({ queryKey: [...catalogueKeys.all, "offers"], queryFn: offers }),
  mine: () => queryOptions({ queryKey: [...catalogueKeys.all, "mine"], queryFn: myRequests }),
  board: () => queryOptions({ queryKey: [...catalogueKeys.all, "board"], queryFn: boardRequests }),
};

/** HR records how a leader came into the role (it decides the onboarding items for moves). */
export async function leaderEntryRouteSet(
  leaderId: number,
  entryRoute: S["LeaderEntryRouteEnum"] | "",
): Promise<void> {
  unwrap(
    await api.PATCH("/api/leaders/{leader_id}/", {
      params: { path: { leader_id: leaderId } },
      body: { entry_route: entryRoute },
    }),
  );
}
