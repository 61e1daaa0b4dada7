import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";

let firstPage = true;

/**
 * One screen: sets the document title and, after client-side navigation, moves focus to the
 * heading so keyboard and screen-reader users land on the new content (WCAG 2.4.2, 2.4.3).
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </>
  );
}
