/**
 * Session login, logout and the current user (`POST /api/auth/login/`, `POST /api/auth/logout/`,
 * `GET|PATCH /api/me/`). `AuthProvider` (src/auth.tsx) holds the answer; screens ask it.
 */
import { api, unwrap, unwrapEmpty } from "./client";
import type { Language, Me } from "./types";

export type { Language, Me, Role } from "./types";

export async function meGet(): Promise<Me> {
  return unwrap(await api.GET("/api/me/")) as Me;
}

export async function meUpdate(changes: { language: Language }): Promise<Me> {
  return unwrap(await api.PATCH("/api/me/", { body: changes })) as Me;
}

export async function login(username: string, password: string): Promise<Me> {
  return unwrap(await api.POST("/api/auth/login/", { body: { username, password } })) as Me;
}

export async function logout(): Promise<void> {
  unwrapEmpty(await api.POST("/api/auth/logout/"));
}
