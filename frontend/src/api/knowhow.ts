/**
 * The know-how finder, "who has solved this?" (`/api/knowhow/search/`). Asking a leader found
 * here for an introduction is the peer introductions' own call (`peers.introductionRequest`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";

type S = components["schemas"];

export type KnowhowResult = S["KnowhowResult"];
export type KnowhowReason = S["KnowhowReason"];

export async function search(q: string): Promise<KnowhowResult[]> {
  return unwrap(await api.GET("/api/knowhow/search/", { params: { query: { q } } })).results;
}

/** Query keys: everything under `["knowhow"]`. */
export const knowhowKeys = {
  all: ["knowhow"] as const,
  search: (q: string) => [...knowhowKeys.all, "search", q] as const,
};

export const knowhowQueries = {
  search: (q: string) =>
    queryOptions({ queryKey: knowhowKeys.search(q), queryFn: () => search(q), enabled: !!q }),
};
