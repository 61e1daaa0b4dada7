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
    request.headers.set("Accept", "application/json");
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
export const api = createClient<paths>({
  baseUrl: origin(),
  credentials: "same-origin",
  // Look `fetch` up at each call (not once at start), so tests can stub it.
  fetch: (request) => globalThis.fetch(request),
});
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

type Result<T> = { data?: T; error?: unknown; response: Response };

function failure(result: Result<unknown>): ApiError {
  // openapi-fetch hands back a body that is not JSON (an HTML error page) as text.
  const body = typeof result.error === "string" ? { detail: result.error } : result.error;
  return new ApiError(result.response.status, body ?? null);
}

/** Unwrap an openapi-fetch result: the data, or an `ApiError`. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.response.ok || result.data === undefined) throw failure(result);
  return result.data;
}

/** Check an openapi-fetch result that has no body (204): nothing, or an `ApiError`. */
export function unwrapEmpty(result: Result<unknown>): void {
  if (!result.response.ok) throw failure(result);
}
