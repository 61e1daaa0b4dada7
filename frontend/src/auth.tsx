/**
 * Who is logged in. Loads `/api/me/` once; 401/403 means nobody is. Keeps the UI language in
 * step with the user's saved language.
 */
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import * as auth from "./api/auth";
import type { Me } from "./api/auth";
import { ApiError } from "./api/client";
import { isLanguage, useI18n } from "./i18n";
import type { Language } from "./i18n";

type State = { status: "loading" } | { status: "anonymous" } | { status: "ready"; me: Me };

interface Auth {
  state: State;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Switch the UI language and remember it on the user when someone is logged in. */
  chooseLanguage: (language: Language) => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { language, setLanguage } = useI18n();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ status: "loading" });
  // A language picked on the login page wins over the one saved on the user.
  const pickedWhileAnonymous = useRef(false);

  useEffect(() => {
    let cancelled = false;
    auth.meGet().then(
      (me) => {
        if (cancelled) return;
        if (isLanguage(me.language)) setLanguage(me.language);
        setState({ status: "ready", me });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiError)) console.error(error);
        setState({ status: "anonymous" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [setLanguage]);

  const login = useCallback(
    async (username: string, password: string) => {
      let me = await auth.login(username, password);
      if (pickedWhileAnonymous.current && me.language !== language) {
        me = await auth.meUpdate({ language });
      } else if (isLanguage(me.language)) {
        setLanguage(me.language);
      }
      pickedWhileAnonymous.current = false;
      // Nothing cached for someone else may show for this user.
      queryClient.clear();
      setState({ status: "ready", me });
      return me;
    },
    [language, setLanguage, queryClient],
  );

  const logout = useCallback(async () => {
    await auth.logout();
    queryClient.clear();
    setState({ status: "anonymous" });
  }, [queryClient]);

  const chooseLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      if (state.status !== "ready") {
        pickedWhileAnonymous.current = true;
        return;
      }
      auth.meUpdate({ language: next }).then(
        (me) => setState({ status: "ready", me }),
        (error: unknown) => console.error(error),
      );
    },
    [setLanguage, state.status],
  );

  const value = useMemo(
    () => ({ state, login, logout, chooseLanguage }),
    [state, login, logout, chooseLanguage],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}

/** The logged-in user; only for screens rendered inside the authenticated layout. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== "ready") throw new Error("useMe without a logged-in user");
  return state.me;
}
