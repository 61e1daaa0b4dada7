import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DraftMember, GroupDraft } from "../api/networks";
import { translate } from "../i18n";
import { renderWithProviders } from "../test/render";
import { administrationMix, DraftReview, groupsOf, publishedNetworkLabel } from "./GroupDraftReview";

function member(id: number, name: string, administration: string | undefined): DraftMember {
  return { id, name, role_title: "Leder", unit: `Enhed ${id}`, is_specialist: false, administration };
}

const draft: GroupDraft = {
  id: 9,
  signup: 1,
  status: "draft",
  objective: 12.5,
  composer_objective: 13,
  seed: 42,
  networks: [],
  violations: [{ rule: "unit", leaders: [3, 4] }],
  groups: [
    { number: 0, members: [member(1, "Anna", "Social"), member(2, "Bo", "Kultur"), member(5, "Eva", "Social")] },
    { number: 1, members: [member(3, "Carl", "Kultur"), member(4, "Dorte", undefined)] },
  ],
};

describe("administrationMix", () => {
  it("counts members per administration, largest first, then by name", () => {
    expect(administrationMix(draft.groups[0]!.members)).toEqual([
      { name: "Social", count: 2 },
      { name: "Kultur", count: 1 },
    ]);
    expect(administrationMix(draft.groups[1]!.members)).toEqual([
      { name: "", count: 1 },
      { name: "Kultur", count: 1 },
    ]);
  });
});

describe("groupsOf", () => {
  it("names the groups a broken rule touches", () => {
    expect(groupsOf({ rule: "unit", leaders: [3, 4] }, draft)).toEqual([1]);
    expect(groupsOf({ rule: "group_size", leaders: [1, 4] }, draft)).toEqual([0, 1]);
  });
});

describe("DraftReview", () => {
  it("says which rule is broken in words, offers a move per person and blocks publishing", () => {
    renderWithProviders(<DraftReview initial={draft} onPublished={vi.fn()} />, { language: "en" });
    expect(screen.getByText("Group 2: Carl, Dorte lead the same unit.")).toBeTruthy();
    const group2 = screen.getByRole("article", { name: /Group 2/ });
    expect(within(group2).getByText("Breaks a rule")).toBeTruthy();
    const select = screen.getByLabelText("Move Anna to");
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Group 2",
      "A new group",
    ]);
    const publish = screen.getByRole<HTMLButtonElement>("button", { name: "Publish the groups" });
    expect(publish.disabled).toBe(true);
  });

  it("asks for confirmation before publishing", () => {
    renderWithProviders(<DraftReview initial={{ ...draft, violations: [] }} onPublished={vi.fn()} />, {
      language: "da",
    });
    fireEvent.click(screen.getByRole("button", { name: "Offentliggør grupperne" }));
    expect(screen.getByText(/Vil I offentliggøre 2 grupper som læringsnetværk\?/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ja, offentliggør" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Fortryd" }));
    expect(screen.queryByRole("button", { name: "Ja, offentliggør" })).toBeNull();
  });
});

describe("publishedNetworkLabel", () => {
  it("reads a suppressed head count as fewer than 5, in both languages", () => {
    const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate("en", key, vars);
    const da = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate("da", key, vars);
    const few = { name: "Kaffeklubben", member_count: null };
    expect(publishedNetworkLabel(few, en)).toBe("Kaffeklubben – fewer than 5 members");
    expect(publishedNetworkLabel(few, da)).toBe("Kaffeklubben – færre end 5 medlemmer");
    expect(publishedNetworkLabel({ name: "Læring", member_count: 8 }, en)).toBe("Læring – 8 members");
  });
});
