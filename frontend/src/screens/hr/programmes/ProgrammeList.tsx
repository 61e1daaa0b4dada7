import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { mentoringQueries } from "../../../api/mentoring";
import { MentoringFlags } from "../../../components/MentoringFollowUp";
import { Page } from "../../../components/Page";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";

/** HR: the organisation's mentoring programmes, and a way to create one. */
export function Programmes() {
  const { t, date } = useI18n();
  const state = useQuery(mentoringQueries.programmes());
  return (
    <Page title={t("programmes.title")}>
      <p>{t("programmes.intro")}</p>
      <p>
        <Link to="/hr/programmes/new" className="button-link">
          {t("hrround.create.link")}
        </Link>
      </p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        state.data.length === 0 ? (
          <p>{t("programmes.none")}</p>
        ) : (
          <ul className="link-list">
            {state.data.map((programme) => (
              <li key={programme.id}>
                <Link to={`/hr/programmes/${programme.id}`}>{programme.name}</Link>{" "}
                <span className="muted">
                  {t("programmes.starts", { date: date(programme.starts_on) })}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <MentoringFlags />
    </Page>
  );
}
