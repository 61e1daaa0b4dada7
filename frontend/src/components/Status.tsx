import { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { NotFound } from "../screens/NotFound";

/** A polite loading message for screen readers and sighted users alike. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t("status.loading")}
    </p>
  );
}

/** Show an error from the API: a 404 becomes the not-found screen, anything else a message. */
export function ErrorView({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  const detail = error instanceof ApiError ? error.messages()[0] : undefined;
  return (
    <div role="alert" className="error">
      <p>{t("status.error")}</p>
      {detail ? <p>{detail}</p> : null}
    </div>
  );
}
