/**
 * The typed API client: openapi-fetch over the generated schema, plus the CSRF and session
 * plumbing Django needs. Every request is same-origin with credentials (the session cookie);
 * every unsafe request carries the `csrftoken` cookie back as `X-CSRFToken`.
 */
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** Read one cookie's value, or null when it is not set. */
export function readCookie(name: string, cookies: string = document.cookie): string | null {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** Return the headers to add to a request of `method`: the CSRF token for unsafe methods. */
export function csrfHeaders(method: string, cookies?: string): Record<string, string> {
  if (SAFE_METHODS.has(method.toUpperCase())) return {};
  const token = readCookie("csrftoken", cookies);
  return token ? { "X-CSRFToken": token } : {};
}

let acceptLanguage = "da";

/** Ask the API for texts (item titles, topic labels, messages) in the UI's language. */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", acceptLanguage);
    for (const [key, value] of Object.entries(csrfHeaders(request.method))) {
      request.headers.set(key, value);
    }
    return request;
  },
};

function origin(): string {
  return typeof window === "undefined" ? "http://localhost" : window.location.origin;
}

/** The client for endpoints in the generated schema (`npm run gen:api`). */
export const api = createClient<paths>({ baseUrl: origin(), credentials: "same-origin" });
api.use(csrfMiddleware);

/** An API answer that was not 2xx; `body` holds DRF's field errors or `{detail}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
  }

  /** The messages for one input field (or `detail` / `non_field_errors` when field is omitted). */
  messages(field?: string): string[] {
    if (typeof this.body !== "object" || this.body === null) return [];
    const body = this.body as Record<string, unknown>;
    const keys = field ? [field] : ["detail", "non_field_errors"];
    return keys.flatMap((key) => {
      const value = body[key];
      if (typeof value === "string") return [value];
      if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
      return [];
    });
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * A plain JSON request with the same session and CSRF handling as `api`, for endpoints whose
 * contract is agreed in an issue but not yet in the generated schema. Throws `ApiError`.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": acceptLanguage,
    ...csrfHeaders(method),
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, {
    method,
    headers,
    body: payload,
    credentials: "same-origin",
  });
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data as T;
}

/** Unwrap an openapi-fetch result: the data, or an `ApiError`. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok || result.data === undefined) {
    throw new ApiError(result.response.status, result.error ?? null);
  }
  return result.data;
}
