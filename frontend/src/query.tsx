/**
 * Server state: one TanStack Query client for the app. Each API module (`src/api/*.ts`) owns its
 * query keys and `queryOptions`; screens read with `useQuery` and change with `useMutation`,
 * invalidating the keys the change touches.
 */
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useI18n } from "./i18n";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An API error is an answer (404 = not yours to see), not a network blip: show it now.
        retry: false,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** Refetch what is on screen when the UI language changes: the API words texts in it. */
function RefetchOnLanguageChange() {
  const { language } = useI18n();
  const client = useQueryClient();
  const shown = useRef(language);
  useEffect(() => {
    if (shown.current === language) return;
    shown.current = language;
    void client.invalidateQueries();
  }, [client, language]);
  return null;
}

/** The query client for the app (inside `I18nProvider`); tests may pass their own. */
export function QueryProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [fallback] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client ?? fallback}>
      <RefetchOnLanguageChange />
      {children}
    </QueryClientProvider>
  );
}
