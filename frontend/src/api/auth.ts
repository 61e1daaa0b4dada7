/**
 * Session login, logout and the current user (issue 2's contract: `POST /api/auth/login/`,
 * `POST /api/auth/logout/`, `GET|PATCH /api/me/`).
 */
import { request } from "./client";
import type { Language, Me } from "./types";

export type { Language, Me, Role } from "./types";


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
