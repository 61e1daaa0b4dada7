import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { onboardingQueries } from "../api/onboarding";
import type { PlanRow } from "../api/types";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { LinePrivacy } from "../components/Privacy";
import { ProgressBar } from "../components/ProgressBar";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";

/**
 * New leaders in their first 90 days. HR sees its scope with help requests and mentor status;
 * a boss sees their new leaders' progress and nothing else (the API leaves the rest out).
 */
export function Dashboard({ audience }: { audience: "hr" | "boss" }) {
  const { t, date } = useI18n();
  const me = useMe();
  const dashboard = useQuery(onboardingQueries.dashboard());
  const rows: PlanRow[] = (dashboard.data ?? []).filter((row) => row.leader.id !== me.leader_id);
  const hr = audience === "hr";
  const unmatched = rows.filter((row) => row.mentor_status === "not_matched").length;
  const overdue = rows.reduce((sum, row) => sum + row.progress.overdue, 0);

  return (
    <Page title={t(hr ? "dashboard.hr.title" : "dashboard.boss.title")}>
      <p>{t(hr ? "dashboard.hr.intro" : "dashboard.boss.intro")}</p>
      {hr ? null : <LinePrivacy />}
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <ErrorView error={dashboard.error} /> : null}
      {dashboard.isSuccess ? (
        <>
          {hr ? (
            <ul className="stats" aria-label={t("dashboard.hr.summary")}>
              <li>
                <strong>{rows.length}</strong> {t("dashboard.hr.newLeaders")}
              </li>
              <li>
                <strong>{overdue}</strong> {t("dashboard.hr.overdueItems")}
              </li>
              <li>
                <strong>{unmatched}</strong> {t("dashboard.hr.unmatched")}
              </li>
            </ul>
          ) : null}
          {rows.length === 0 ? (
            <p>{t("dashboard.empty")}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t("dashboard.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.col.leader")}</th>
                  <th scope="col">{t("dashboard.col.day")}</th>
                  <th scope="col">{t("dashboard.col.progress")}</th>
                  <th scope="col">{t("dashboard.col.overdue")}</th>
                  <th scope="col">{t("dashboard.col.nextDue")}</th>
                  {hr ? <th scope="col">{t("dashboard.col.help")}</th> : null}
                  {hr ? <th scope="col">{t("dashboard.col.mentor")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={`${row.id}`}>{row.leader.name}</Link>
                      <div className="muted small">
                        {[row.leader.role_title, row.leader.unit, row.leader.administration]
                          .filter(Boolean)
                          .join(" · ")}
                      </div>
                    </th>
                    <td>{t("dashboard.dayN", { day: row.day })}</td>
                    <td>
                      <ProgressBar
                        progress={row.progress}
                        label={t("dashboard.progressOf", { name: row.leader.name })}
                      />
                    </td>
                    <td>{row.progress.overdue}</td>
                    <td>{row.progress.next_due ? date(row.progress.next_due) : "–"}</td>
                    {hr ? <td>{row.need_help_count ?? 0}</td> : null}
                    {hr ? (
                      <td>
                        {t(
                          row.mentor_status === "matched"
                            ? "dashboard.mentor.matched"
                            : "dashboard.mentor.notMatched",
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </Page>
  );
}
