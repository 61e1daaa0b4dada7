import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, csrfHeaders, readCookie, request } from "./client";

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
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
    await request("POST", "/api/auth/login/", { username: "mette", password: "x" });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/login/");
    expect(init.credentials).toBe("same-origin");
    expect((init.headers as Record<string, string>)["X-CSRFToken"]).toBe("fresh-token");
    expect(JSON.parse(init.body as string)).toEqual({ username: "mette", password: "x" });
  });

  it("sends no token on a GET", async () => {
    document.cookie = "csrftoken=fresh-token; path=/";
    const fetchMock = stubFetch(200, {});
    await request("GET", "/api/me/");
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers as Record<string, string>).not.toHaveProperty("X-CSRFToken");
  });
});

describe("errors", () => {
  it("turn a 4xx into an ApiError carrying DRF's field messages", async () => {
    stubFetch(400, { password: ["This field is required."], code: "invalid" });
    const error = await request("POST", "/api/auth/login/", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).messages("password")).toEqual(["This field is required."]);
  });

  it("keep a 404 recognisable", async () => {
    stubFetch(404, { detail: "Not found." });
    const error = (await request("GET", "/api/leaders/9/").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(404);
    expect(error.messages()).toEqual(["Not found."]);
  });
});
