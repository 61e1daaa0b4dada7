/**
 * Who sees what of a leader's private things: the rules the server keeps
 * (`GET /api/privacy/rules/`, from `backend/people/visibility.py`). Every privacy sentence the
 * web app shows is built from them (`src/components/Privacy.tsx`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type VisibilityRule = S["VisibilityRuleOutput"];
export type Kind = VisibilityRule["kind"];
export type Audience = VisibilityRule["audience"];
export type Sees = VisibilityRule["sees"];

export async function visibilityRules(): Promise<VisibilityRule[]> {
  return unwrap(await api.GET("/api/privacy/rules/"));
}

export const privacyKeys = {
  all: ["privacy"] as const,
  rules: () => [...privacyKeys.all, "rules"] as const,
};

export const privacyQueries = {
  /** The same for every user and session: fetched once. */
  rules: () =>
    queryOptions({ queryKey: privacyKeys.rules(), queryFn: visibilityRules, staleTime: Infinity }),
};
