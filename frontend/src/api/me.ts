/**
 * The user's own things: notifications (`/api/notifications/…`), which of them go out by e-mail
 * (`/api/me/email-preferences/`), the profile a leader edits themselves (`/api/leaders/{id}/`,
 * `/api/me/competencies/`), who read their private data (`/api/privacy/access-log/`) and the
 * export of everything Sparring holds about them (`/api/privacy/leaders/{id}/export/`).
 */
import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import type { components } from "./schema";
import type { LeaderDetail } from "./types";

type S = components["schemas"];

export type Notification = S["NotificationOutput"];
export type EmailPreference = S["EmailPreference"];
export type EmailGroup = keyof EmailPreference;
export type AccessLogEntry = S["AccessLogOutput"];
export type Competency = S["Competency"];
export type CompetencyLevel = S["CompetencyLevelEnum"];
export const EMAIL_GROUPS: readonly EmailGroup[] = ["mentoring", "networks", "onboarding"];

/** What a leader changes about themselves on their profile. */
export interface ProfileChanges {
  bio?: string;
  languages?: string[];
  discoverable?: boolean;
  /** Peers in other municipalities (a separate yes, `api/directory.ts`). */
  directory_discoverable?: boolean;
}

const ALL = { page_size: 500 } as const;

export async function notifications(): Promise<Notification[]> {
  return unwrap(await api.GET("/api/notifications/", { params: { query: ALL } })).results;
}

export async function unreadCount(): Promise<number> {
  return unwrap(await api.GET("/api/notifications/unread-count/")).unread;
}

export async function notificationRead(id: number): Promise<Notification> {
  return unwrap(
    await api.POST("/api/notifications/{notification_id}/read/", {
      params: { path: { notification_id: id } },
    }),
  );
}

export async function notificationsReadAll(): Promise<number> {
  return unwrap(await api.POST("/api/notifications/read-all/")).marked;
}

export async function emailPreference(): Promise<EmailPreference> {
  return unwrap(await api.GET("/api/me/email-preferences/"));
}

export async function emailPreferenceUpdate(body: EmailPreference): Promise<EmailPreference> {
  return unwrap(await api.PATCH("/api/me/email-preferences/", { body }));
}

export async function myProfile(leaderId: number): Promise<LeaderDetail> {
  return unwrap(
    await api.GET("/api/leaders/{leader_id}/", { params: { path: { leader_id: leaderId } } }),
  );
}

export async function myProfileUpdate(
  leaderId: number,
  body: ProfileChanges,
): Promise<LeaderDetail> {
  return unwrap(
    await api.PATCH("/api/leaders/{leader_id}/", {
      params: { path: { leader_id: leaderId } },
      body,
    }),
  );
}

export async function myCompetencies(): Promise<Competency[]> {
  return unwrap(await api.GET("/api/me/competencies/"));
}

/** Replace my strengths: topic key → level 1–3 (a topic left out is no strength). */
export async function myCompetenciesSet(levels: Record<string, number>): Promise<Competency[]> {
  return unwrap(await api.PUT("/api/me/competencies/", { body: { levels } }));
}

export async function accessLog(): Promise<AccessLogEntry[]> {
  return unwrap(await api.GET("/api/privacy/access-log/", { params: { query: ALL } })).results;
}

/** The address of my export: JSON to keep, or the readable page. */
export function exportUrl(leaderId: number, format: "json" | "html"): string {
  return `/api/privacy/leaders/${leaderId}/export/?format=${format}`;
}

export const meKeys = {
  all: ["me"] as const,
  notifications: () => [...meKeys.all, "notifications"] as const,
  unread: () => [...meKeys.notifications(), "unread"] as const,
  email: () => [...meKeys.all, "email"] as const,
  profile: (leaderId: number) => [...meKeys.all, "profile", leaderId] as const,
  competencies: () => [...meKeys.all, "competencies"] as const,
  accessLog: () => [...meKeys.all, "access-log"] as const,
};

export const meQueries = {
  notifications: () =>
    queryOptions({ queryKey: meKeys.notifications(), queryFn: notifications }),
  /** The header's badge: refreshed every minute and whenever the window regains focus. */
  unread: () =>
    queryOptions({ queryKey: meKeys.unread(), queryFn: unreadCount, refetchInterval: 60_000 }),
  email: () => queryOptions({ queryKey: meKeys.email(), queryFn: emailPreference }),
  profile: (leaderId: number) =>
    queryOptions({ queryKey: meKeys.profile(leaderId), queryFn: () => myProfile(leaderId) }),
  competencies: () => queryOptions({ queryKey: meKeys.competencies(), queryFn: myCompetencies }),
  accessLog: () => queryOptions({ queryKey: meKeys.accessLog(), queryFn: accessLog }),
};
