import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nProvider } from "../i18n";
import type { Language } from "../i18n";
import { createQueryClient, QueryProvider } from "../query";
import { privacyKeys } from "../api/privacy";
import type { VisibilityRule } from "../api/privacy";
import servedRules from "./privacyRules.json";

/** The rules `GET /api/privacy/rules/` serves (kept equal by `tests/trust/test_rules.py`). */
export const SERVED_RULES = servedRules as VisibilityRule[];

/**
 * Render `ui` with the app's providers (language, a fresh query cache) as main.tsx does. The
 * cache already holds the privacy rules the server serves (or `rules`, to see a changed rule).
 */
export function renderWithProviders(
  ui: ReactElement,
  { language, rules = SERVED_RULES }: { language?: Language; rules?: VisibilityRule[] } = {},
) {
  const client = createQueryClient();
  client.setQueryData(privacyKeys.rules(), rules);
  return {
    client,
    ...render(
      <I18nProvider initial={language}>
        <QueryProvider client={client}>{ui}</QueryProvider>
      </I18nProvider>,
    ),
  };
}
