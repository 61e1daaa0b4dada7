import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nProvider } from "../i18n";
import type { Language } from "../i18n";
import { createQueryClient, QueryProvider } from "../query";

/** Render `ui` with the app's providers (language, a fresh query cache) as main.tsx does. */
export function renderWithProviders(ui: ReactElement, { language }: { language?: Language } = {}) {
  const client = createQueryClient();
  return {
    client,
    ...render(
      <I18nProvider initial={language}>
        <QueryProvider client={client}>{ui}</QueryProvider>
      </I18nProvider>,
    ),
  };
}
