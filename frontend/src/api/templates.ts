/**
 * HR's onboarding template editor: templates, items, rules, and the preview of a leader's plan
 * (`/api/onboarding/templates/`, `/api/onboarding/template-items/`, `.../templates/preview/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, unwrapEmpty } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type Template = S["Template"];
export type TemplateItem = S["TemplateItem"];
export type TemplateInput = S["TemplateInputRequest"];
export type TemplateItemInput = S["TemplateItemInputRequest"];
export type PlanPreview = S["PlanPreview"];
export type ServiceType = S["ServiceTypeEnum"];
export type OwnerRole = S["OwnerRoleEnum"];
export type LeaderRow = S["Leader"];

export async function templates(): Promise<Template[]> {
  return unwrap(await api.GET("/api/onboarding/templates/", { params: { query: { page_size: 500 } } }))
    .results;
}

export async function templateCreate(body: TemplateInput): Promise<Template> {
  return unwrap(await api.POST("/api/onboarding/templates/", { body }));
}

export async function templateUpdate(
  templateId: number,
  body: Partial<TemplateInput>,
): Promise<Template> {
  return unwrap(
    await api.PATCH("/api/onboarding/templates/{template_id}/", {
      params: { path: { template_id: templateId } },
      body,
    }),
  );
}

export async function templateItemCreate(
  templateId: number,
  body: TemplateItemInput,
): Promise<TemplateItem> {
  return unwrap(
    await api.POST("/api/onboarding/templates/{template_id}/items/", {
      params: { path: { template_id: templateId } },
      body,
    }),
  );
}

export async function templateItemUpdate(
  itemId: number,
  body: Partial<TemplateItemInput>,
): Promise<TemplateItem> {
  return unwrap(
    await api.PATCH("/api/onboarding/template-items/{item_id}/", {
      params: { path: { item_id: itemId } },
      body,
    }),
  );
}

export async function templateItemDelete(itemId: number): Promise<void> {
  unwrapEmpty(
    await api.DELETE("/api/onboarding/template-items/{item_id}/", {
      params: { path: { item_id: itemId } },
    }),
  );
}

export async function planPreview(leaderId: number, roleStartDate?: string): Promise<PlanPreview> {
  const query = roleStartDate
    ? { leader: leaderId, role_start_date: roleStartDate }
    : { leader: leaderId };
  return unwrap(await api.GET("/api/onboarding/templates/preview/", { params: { query } }));
}

/** Leaders whose name or number matches `q` (HR's scope), for choosing whom to preview. */
export async function leaderSearch(q: string): Promise<LeaderRow[]> {
  return unwrap(
    await api.GET("/api/leaders/", {
      params: { query: { q, page_size: 50, ordering: "last_name" } },
    }),
  ).results;
}

export const templateKeys = { all: ["onboarding-templates"] as const };

export const templateQueries = {
  list: () => queryOptions({ queryKey: [...templateKeys.all, "list"], queryFn: templates }),
  preview: (leaderId: number, start?: string) =>
    queryOptions({
      queryKey: [...templateKeys.all, "preview", leaderId, start ?? ""],
      queryFn: () => planPreview(leaderId, start),
    }),
  leaders: (q: string) =>
    queryOptions({ queryKey: ["leaders", "search", q], queryFn: () => leaderSearch(q) }),
};
