import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthProvider } from "../auth";
import { useI18n } from "../i18n";
import { renderWithProviders } from "../test/render";
import { LanguageSwitcher } from "./LanguageSwitcher";

function Greeting() {
  const { t } = useI18n();
  return <p>{t("login.title")}</p>;
}

async function renderAnonymous() {
  // Nobody is logged in: /api/me/ answers 403.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ detail: "no" }), { status: 403 })),
  );
  renderWithProviders(
    <AuthProvider>
      <LanguageSwitcher />
      <Greeting />
    </AuthProvider>,
  );
  // Let the /api/me/ answer settle before asserting.
  await act(async () => {});
}

afterEach(() => vi.unstubAllGlobals());

describe("LanguageSwitcher", () => {
  it("starts in Danish and switches the page to English", async () => {
    await renderAnonymous();
    expect(screen.getByText("Log ind")).toBeTruthy();
    expect(document.documentElement.lang).toBe("da");
    const english = screen.getByRole("button", { name: "English" });
    expect(english.getAttribute("aria-pressed")).toBe("false");

    await userEvent.click(english);

    expect(screen.getByText("Sign in")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(english.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("group", { name: "Language" })).toBeTruthy();
    expect(window.localStorage.getItem("sparring.language")).toBe("en");
  });

  it("remembers the choice for the next visit", async () => {
    window.localStorage.setItem("sparring.language", "en");
    await renderAnonymous();
    expect(screen.getByText("Sign in")).toBeTruthy();
  });
});
