import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { exportUrl, meQueries } from "../../api/me";
import type { AccessLogEntry } from "../../api/me";
import { useMe } from "../../auth";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";
import { NotFound } from "../NotFound";

const WHAT: Partial<Record<string, MessageKey>> = {
  support_needs: "lself.data.what.support_needs",
  support_need_topics: "lself.data.what.support_need_topics",
  gdpr_export: "lself.data.what.gdpr_export",
};

const CHANNEL: Record<NonNullable<AccessLogEntry["channel"]>, MessageKey> = {
  api: "lself.data.channel.api",
  export: "lself.data.channel.export",
  admin: "lself.data.channel.admin",
};

/** Who has read my private data, when and why; and everything Sparring holds about me. */
export function MyData() {
  const { t, dateTime } = useI18n();
  const user = useMe();
  const log = useQuery({ ...meQueries.accessLog(), enabled: user.leader_id !== null });
  if (user.leader_id === null) return <NotFound />;
  const whatLabel = (what: string) => {
    const key = WHAT[what];
    return key ? t(key) : what;
  };

  return (
    <Page title={t("lself.data.title")}>
      <p>
        <Link to="/me/profile">{t("lself.data.back")}</Link>
      </p>
      <section aria-labelledby="lself-export" className="profile-section">
        <h2 id="lself-export">{t("lself.data.export")}</h2>
        <p>{t("lself.data.exportIntro")}</p>
        <div className="actions">
          <a className="button-link" href={exportUrl(user.leader_id, "html")}>
            {t("lself.data.exportHtml")}
          </a>
          <a className="button-link" href={exportUrl(user.leader_id, "json")} download>
            {t("lself.data.exportJson")}
          </a>
        </div>
      </section>
      <section aria-labelledby="lself-log" className="profile-section">
        <h2 id="lself-log">{t("lself.data.log")}</h2>
        <p>{t("lself.data.logIntro")}</p>
        {log.isPending ? <Loading /> : null}
        {log.isError ? <ErrorView error={log.error} /> : null}
        {log.isSuccess && log.data.length === 0 ? <p>{t("lself.data.logNone")}</p> : null}
        {log.isSuccess && log.data.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("lself.data.logCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("lself.data.when")}</th>
                  <th scope="col">{t("lself.data.who")}</th>
                  <th scope="col">{t("lself.data.what")}</th>
                  <th scope="col">{t("lself.data.why")}</th>
                  <th scope="col">{t("lself.data.where")}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.map((entry) => (
                  <tr key={entry.id}>
                    <td>{dateTime(entry.at)}</td>
                    <td>{entry.actor_name}</td>
                    <td>{whatLabel(entry.what)}</td>
                    <td>{entry.purpose}</td>
                    <td>{t(CHANNEL[entry.channel ?? "api"])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
