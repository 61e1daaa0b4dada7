/**
 * Session login, logout and the current user (issue 2's contract: `POST /api/auth/login/`,
 * `POST /api/auth/logout/`, `GET|PATCH /api/me/`).
 */
import { request } from "./client";

export type Role = "hr" | "leader" | "admin";
export type Language = "da" | "en";

/** The `/api/me/` payload. */
export interface Me {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  organisation: number | string | { id: number; name: string } | null;
  leader_id: number | null;
  is_boss: boolean;
  /** The saved choice; empty when the user never chose (the UI then keeps its own). */
  language: Language | "";
}

export function meGet(): Promise<Me> {
  return request<Me>("GET", "/api/me/");
}

export function meUpdate(changes: { language: Language }): Promise<Me> {
  return request<Me>("PATCH", "/api/me/", changes);
}

export function login(username: string, password: string): Promise<Me> {
  return request<Me>("POST", "/api/auth/login/", { username, password });
}

export function logout(): Promise<void> {
  return request<void>("POST", "/api/auth/logout/");
}
