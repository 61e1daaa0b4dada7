import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, csrfHeaders, readCookie, setApiLanguage, unwrap, unwrapEmpty } from "./client";

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { "Content-Type": "application/json" },
      }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

/** The Request openapi-fetch handed to fetch. */
function sent(fetchMock: ReturnType<typeof stubFetch>): Request {
  return (fetchMock.mock.calls[0] as unknown as [Request])[0];
}

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLanguage("da");
});

describe("CSRF handling", () => {
  it("reads the csrftoken cookie among others", () => {
    expect(readCookie("csrftoken", "sessionid=abc; csrftoken=tok%3D1; other=x")).toBe("tok=1");
    expect(readCookie("csrftoken", "sessionid=abc")).toBeNull();
  });

  it("sends the token on unsafe methods only", () => {
    const cookies = "csrftoken=secret";
    expect(csrfHeaders("POST", cookies)).toEqual({ "X-CSRFToken": "secret" });
    expect(csrfHeaders("patch", cookies)).toEqual({ "X-CSRFToken": "secret" });
    expect(csrfHeaders("DELETE", cookies)).toEqual({ "X-CSRFToken": "secret" });
    expect(csrfHeaders("GET", cookies)).toEqual({});
    expect(csrfHeaders("POST", "")).toEqual({});
  });

  it("puts the current cookie on a POST, with the session credentials", async () => {
    document.cookie = "csrftoken=fresh-token; path=/";
    const fetchMock = stubFetch(200, { ok: true });
    await api.POST("/api/auth/login/", { body: { username: "mette", password: "x" } });
    const request = sent(fetchMock);
    expect(new URL(request.url).pathname).toBe("/api/auth/login/");
    expect(request.credentials).toBe("same-origin");
    expect(request.headers.get("X-CSRFToken")).toBe("fresh-token");
    expect(await request.json()).toEqual({ username: "mette", password: "x" });
  });

  it("sends no token on a GET, and the UI language", async () => {
    document.cookie = "csrftoken=fresh-token; path=/";
    setApiLanguage("en");
    const fetchMock = stubFetch(200, {});
    await api.GET("/api/me/");
    const request = sent(fetchMock);
    expect(request.headers.has("X-CSRFToken")).toBe(false);
    expect(request.headers.get("Accept-Language")).toBe("en");
  });
});

describe("errors", () => {
  it("turn a 4xx into an ApiError carrying DRF's field messages", async () => {
    stubFetch(400, { password: ["This field is required."], code: "invalid" });
    const result = await api.POST("/api/auth/login/", { body: { username: "m", password: "" } });
    const error = (() => {
      try {
        return unwrap(result);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).messages("password")).toEqual(["This field is required."]);
  });

  it("keep a 404 recognisable", async () => {
    stubFetch(404, { detail: "Not found." });
    const result = await api.GET("/api/leaders/{leader_id}/", {
      params: { path: { leader_id: 9 } },
    });
    expect(() => unwrap(result)).toThrow(ApiError);
    try {
      unwrap(result);
    } catch (caught) {
      expect((caught as ApiError).status).toBe(404);
      expect((caught as ApiError).messages()).toEqual(["Not found."]);
    }
  });

  it("accept an empty 204 and refuse an empty 403", async () => {
    stubFetch(204, undefined);
    expect(() => unwrapEmpty({ response: new Response(null, { status: 204 }) })).not.toThrow();
    expect(() => unwrapEmpty({ response: new Response(null, { status: 403 }) })).toThrow(ApiError);
  });
});
