import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api/client";
import { setServerErrors } from "./forms";

type Form = { topic: string; note: string };

describe("setServerErrors", () => {
  it("puts DRF's field messages on the form's fields and the rest on root.server", () => {
    const setError = vi.fn();
    const error = new ApiError(400, {
      topic: ["Vælg et emne.", "Emnet er lukket."],
      weight: ["Ugyldig vægt."],
      non_field_errors: ["Du har allerede dette behov."],
    });
    expect(setServerErrors<Form>(error, setError, ["topic", "note"])).toBe(true);
    expect(setError).toHaveBeenCalledWith("topic", {
      type: "server",
      message: "Vælg et emne. Emnet er lukket.",
    });
    // A field the form does not show is still said, with the non-field messages.
    expect(setError).toHaveBeenCalledWith("root.server", {
      type: "server",
      message: "Ugyldig vægt. Du har allerede dette behov.",
    });
    expect(setError).toHaveBeenCalledTimes(2);
  });

  it("takes a plain `detail` as a form-level message", () => {
    const setError = vi.fn();
    expect(setServerErrors<Form>(new ApiError(400, { detail: "Nej." }), setError, ["note"])).toBe(true);
    expect(setError).toHaveBeenCalledWith("root.server", { type: "server", message: "Nej." });
  });

  it("leaves anything but a 400 with a body to the caller", () => {
    const setError = vi.fn();
    expect(setServerErrors<Form>(new ApiError(403, { detail: "Nej." }), setError, ["note"])).toBe(false);
    expect(setServerErrors<Form>(new ApiError(400, null), setError, ["note"])).toBe(false);
    expect(setServerErrors<Form>(new Error("network"), setError, ["note"])).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
