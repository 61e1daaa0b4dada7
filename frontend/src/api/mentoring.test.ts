import { describe, expect, it } from "vitest";
import { invitationUrl, localDateTime } from "./mentoring";

describe("first-meeting invitation", () => {
  it("sends the picked local time as UTC with length and place", () => {
    const url = new URL(
      invitationUrl(7, { date: "2030-03-04", time: "13:30", minutes: 90, location: "Café, Torvet 2" }),
      "http://x",
    );
    expect(url.pathname).toBe("/api/proposals/7/invitation.ics");
    expect(url.searchParams.get("start")).toBe(new Date(2030, 2, 4, 13, 30).toISOString());
    expect(url.searchParams.get("minutes")).toBe("90");
    expect(url.searchParams.get("location")).toBe("Café, Torvet 2");
  });

  it("splits an ISO time into local date and time and back", () => {
    const iso = new Date(2030, 0, 9, 8, 5).toISOString();
    expect(localDateTime(iso)).toEqual({ date: "2030-01-09", time: "08:05" });
  });
});
