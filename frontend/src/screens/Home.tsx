import { Link } from "react-router";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { navFor } from "../nav";

const ROLE_TEXT: Record<"hr" | "leader" | "admin", MessageKey> = {
  hr: "home.role.hr",
  leader: "home.role.leader",
  admin: "home.role.admin",
};

/** The start screen: a greeting and the screens this user has, grouped by hat. */
export function Home() {
  const { t } = useI18n();
  const me = useMe();
  const sections = navFor(me);
  return (
    <Page title={t("home.title", { name: me.display_name })}>
      <p>{t(ROLE_TEXT[me.role])}</p>
      {sections.length === 0 ? <p className="muted">{t("home.nothingYet")}</p> : null}
      {sections.map((section) => (
        <section key={section.heading} className="card">
          <h2>{t(section.heading)}</h2>
          <ul className="link-list">
            {section.items.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{t(item.label)}</Link>
                <span className="muted"> {t(item.description)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
