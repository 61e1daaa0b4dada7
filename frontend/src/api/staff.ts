/**
 * The staff directory as HR edits it: staff functions and consultants, and the units,
 * administrations and topics a consultant is linked to (`/api/staff-functions/`,
 * `/api/staff-contacts/`, `/api/units/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type StaffFunction = S["StaffFunction"];
export type StaffFunctionInput = S["StaffFunctionInputRequest"];
export type StaffContact = S["StaffContact"];
export type StaffContactInput = S["StaffContactInputRequest"];
export type StaffFunctionKind = StaffFunctionInput["kind"];
export type Unit = S["Unit"];

const ALL = { page_size: 500 } as const;

export async function staffFunctions(): Promise<StaffFunction[]> {
  return unwrap(await api.GET("/api/staff-functions/", { params: { query: ALL } })).results;
}

export async function staffFunctionCreate(body: StaffFunctionInput): Promise<StaffFunction> {
  return unwrap(await api.POST("/api/staff-functions/", { body }));
}

export async function staffFunctionDelete(functionId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/staff-functions/{function_id}/", {
      params: { path: { function_id: functionId } },
    }),
  );
}

export async function staffContacts(): Promise<StaffContact[]> {
  return unwrap(await api.GET("/api/staff-contacts/", { params: { query: ALL } })).results;
}

export async function staffContactCreate(body: StaffContactInput): Promise<StaffContact> {
  return unwrap(await api.POST("/api/staff-contacts/", { body }));
}

export async function staffContactUpdate(
  contactId: number,
  body: Partial<StaffContactInput>,
): Promise<StaffContact> {
  return unwrap(
    await api.PATCH("/api/staff-contacts/{contact_id}/", {
      params: { path: { contact_id: contactId } },
      body,
    }),
  );
}

export async function staffContactDelete(contactId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/staff-contacts/{contact_id}/", {
      params: { path: { contact_id: contactId } },
    }),
  );
}

/** The organisation's units (up to 500), for choosing which a consultant serves. */
export async function units(): Promise<Unit[]> {
  return unwrap(await api.GET("/api/units/", { params: { query: ALL } })).results;
}

export const staffKeys = {
  all: ["staff-directory"] as const,
};

export const staffQueries = {
  functions: () =>
    queryOptions({ queryKey: [...staffKeys.all, "functions"], queryFn: staffFunctions }),
  contacts: () => queryOptions({ queryKey: [...staffKeys.all, "contacts"], queryFn: staffContacts }),
  units: () => queryOptions({ queryKey: [...staffKeys.all, "units"], queryFn: units }),
};
