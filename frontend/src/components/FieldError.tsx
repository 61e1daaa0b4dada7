import type { FieldError as Error } from "react-hook-form";
import { useI18n } from "../i18n";

/**
 * A form field's error: the API's words (`setServerErrors`), or a plain "check this field" when a
 * rule from the schema (`formRules`) caught it in the browser.
 */
export function FieldError({
  error,
  id,
  className = "error small",
}: {
  error: Error | undefined;
  id?: string;
  className?: string;
}) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p id={id} className={className}>
      {error.message || t("form.invalid")}
    </p>
  );
}
