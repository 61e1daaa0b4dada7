import { useAuth } from "../auth";
import { LANGUAGES, useI18n } from "../i18n";

const NAMES = { da: "Dansk", en: "English" } as const;

/** Two toggle buttons, each named in its own language (WCAG 3.1.2). */
export function LanguageSwitcher() {
  const { language, t } = useI18n();
  const { chooseLanguage } = useAuth();
  return (
    <div role="group" aria-label={t("language.label")} className="language-switcher">
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          onClick={() => chooseLanguage(code)}
        >
          {NAMES[code]}
        </button>
      ))}
    </div>
  );
}
