/**
 * Peers in other municipalities: the shared peer directory (`/api/peers/directory/`), HR's
 * opt-in for the organisation (`/api/peers/directory/setting/`) and what crosses the boundary
 * (`/api/privacy/rules/directory/`, from `backend/people/visibility.py`). Introductions use
 * the peer finder's (`api/peers.ts`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components, paths } from "./schema";

type S = components["schemas"];

export type DirectoryQuery = NonNullable<
  paths["/api/peers/directory/"]["get"]["parameters"]["query"]
>;
export type Directory = S["Directory"];
export type DirectoryCard = S["DirectoryCard"];
export type DirectorySetting = S["DirectorySetting"];
export type DirectoryRules = S["DirectoryRulesOutput"];
export type CardField = DirectoryRules["card"][number];

export async function directory(query: DirectoryQuery): Promise<Directory> {
  return unwrap(await api.GET("/api/peers/directory/", { params: { query } }));
}

export async function directorySetting(): Promise<DirectorySetting> {
  return unwrap(await api.GET("/api/peers/directory/setting/"));
}

export async function directorySettingSet(enabled: boolean): Promise<DirectorySetting> {
  return unwrap(await api.PUT("/api/peers/directory/setting/", { body: { enabled } }));
}

export async function directoryRules(): Promise<DirectoryRules> {
  return unwrap(await api.GET("/api/privacy/rules/directory/"));
}

/** Query keys: everything under `["directory"]`; HR's switch invalidates the lot. */
export const directoryKeys = {
  all: ["directory"] as const,
  setting: () => [...directoryKeys.all, "setting"] as const,
};

export const directoryQueries = {
  directory: (query: DirectoryQuery) =>
    queryOptions({
      queryKey: [...directoryKeys.all, "cards", query],
      queryFn: () => directory(query),
    }),
  setting: () => queryOptions({ queryKey: directoryKeys.setting(), queryFn: directorySetting }),
  /** The same for every user and session: fetched once. */
  rules: () =>
    queryOptions({
      queryKey: [...directoryKeys.all, "rules"],
      queryFn: directoryRules,
      staleTime: Infinity,
    }),
};
