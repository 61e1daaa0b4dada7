import { Link } from "react-router";
import { Page } from "../components/Page";
import { useI18n } from "../i18n";

/**
 * Shown for unknown addresses and for anything the API answers 404: objects outside the
 * caller's scope look exactly like objects that do not exist.
 */
export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </Page>
  );
}
