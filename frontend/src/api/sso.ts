/**
 * Single sign-on (`GET /api/auth/sso/providers/`): the organisations that log in through their
 * own identity provider. A button's `start_url` is a plain browser navigation to
 * `/api/auth/sso/<slug>/start/`, which sends the browser to the IdP; the IdP's answer comes
 * back to the server, which logs in and redirects into the app, or back to `/login?sso_error=`.
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";

export type SsoProvider = components["schemas"]["SsoProviderOutput"];

export async function ssoProviders(): Promise<SsoProvider[]> {
  return unwrap(await api.GET("/api/auth/sso/providers/"));
}

export const ssoQueries = {
  providers: () =>
    queryOptions({ queryKey: ["sso", "providers"], queryFn: ssoProviders, staleTime: 60_000 }),
};

/** The reasons the server gives for a refused single sign-on (`/login?sso_error=<code>`). */
export const SSO_ERRORS = [
  "not_leader",
  "disabled",
  "wrong_audience",
  "cancelled",
  "unavailable",
  "unknown",
  "failed",
] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

export function ssoError(code: string | null): SsoError | null {
  if (code === null) return null;
  return (SSO_ERRORS as readonly string[]).includes(code) ? (code as SsoError) : "failed";
}
