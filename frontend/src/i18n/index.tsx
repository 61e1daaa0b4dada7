/**
 * Danish (default) and English. Every string lives in `da.json` and `en.json` (the core) or in a
 * feature area's pair `areas/<area>.da.json` / `areas/<area>.en.json`, under the same flat keys
 * (an area's keys start with its own prefix, so two areas never write the same file); `t("key", {name})` fills `{name}` placeholders. The chosen language is remembered
 * in localStorage before login and on the user (`PATCH /api/me/`) after.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { setApiLanguage } from "../api/client";
import catalogueDa from "./areas/catalogue.da.json";
import catalogueEn from "./areas/catalogue.en.json";
import coreDa from "./da.json";
import coreEn from "./en.json";
import crossorgDa from "./areas/crossorg.da.json";
import crossorgEn from "./areas/crossorg.en.json";
import gatheringsDa from "./areas/gatherings.da.json";
import gatheringsEn from "./areas/gatherings.en.json";
import netvalueDa from "./areas/netvalue.da.json";
import netvalueEn from "./areas/netvalue.en.json";
import hrRoundDa from "./areas/hr_round.da.json";
import hrRoundEn from "./areas/hr_round.en.json";
import hrSetupDa from "./areas/hr_setup.da.json";
import hrSetupEn from "./areas/hr_setup.en.json";
import knowhowDa from "./areas/knowhow.da.json";
import knowhowEn from "./areas/knowhow.en.json";
import leaderLifeDa from "./areas/leader_life.da.json";
import leaderLifeEn from "./areas/leader_life.en.json";
import leaderSelfDa from "./areas/leader_self.da.json";
import leaderSelfEn from "./areas/leader_self.en.json";
import ssoDa from "./areas/sso.da.json";
import ssoEn from "./areas/sso.en.json";
import coachingDa from "./areas/coaching.da.json";
import coachingEn from "./areas/coaching.en.json";

/** Every Danish message: the core catalogue and each area's. */
export const da = {
  ...coreDa,
  ...hrRoundDa,
  ...hrSetupDa,
  ...leaderLifeDa,
  ...leaderSelfDa,
  ...ssoDa,
  ...crossorgDa,
  ...coachingDa,
  ...knowhowDa,
  ...gatheringsDa,
  ...netvalueDa,
  ...catalogueDa,
};
/** Every English message, under the same keys as {@link da}. */
export const en = {
  ...coreEn,
  ...hrRoundEn,
  ...hrSetupEn,
  ...leaderLifeEn,
  ...leaderSelfEn,
  ...ssoEn,
  ...crossorgEn,
  ...coachingEn,
  ...knowhowEn,
  ...gatheringsEn,
  ...netvalueEn,
  ...catalogueEn,
};

export type MessageKey = keyof typeof da;
export type Language = "da" | "en";
export const LANGUAGES: readonly Language[] = ["da", "en"];

export const catalogues: Record<Language, Record<MessageKey, string>> = { da, en };

const STORAGE_KEY = "sparring.language";

/** Fill `{name}` placeholders in a message. */
export function format(message: string, vars?: Record<string, string | number>): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function translate(
  language: Language,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  return format(catalogues[language][key] ?? catalogues.da[key] ?? key, vars);
}

export function isLanguage(value: unknown): value is Language {
  return value === "da" || value === "en";
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : "da";
  } catch {
    return "da";
  }
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Format a date (ISO string) for the current language. */
  date: (iso: string) => string;
  /** Format a moment (ISO string) with its time of day, for the current language. */
  dateTime: (iso: string) => string;
  /** Format a number for the current language ("10,5" in Danish); strings are parsed first. */
  number: (value: number | string, maximumFractionDigits?: number) => string;
  /** Format a number with exactly `digits` decimals ("9,45"). */
  decimal: (value: number | string, digits?: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  initial,
}: {
  children: ReactNode;
  initial?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => {
    const first = initial ?? storedLanguage();
    // Set before any child's effect fetches: React runs children's effects first.
    setApiLanguage(first);
    return first;
  });

  const setLanguage = useCallback((next: Language) => {
    setApiLanguage(next);
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    // Screen readers pick their voice from the page's lang attribute (WCAG 3.1.1).
    document.documentElement.lang = language;
    setApiLanguage(language);
  }, [language]);

  const value = useMemo<I18n>(() => {
    const locale = language === "da" ? "da-DK" : "en-GB";
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
    });
    return {
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      date: (iso) => dateFormat.format(new Date(iso)),
      dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
      number: (value, maximumFractionDigits = 1) =>
        new Intl.NumberFormat(locale, { maximumFractionDigits }).format(Number(value)),
      decimal: (value, digits = 2) =>
        new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(Number(value)),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
