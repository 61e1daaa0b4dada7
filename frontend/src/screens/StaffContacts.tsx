import { useQuery } from "@tanstack/react-query";
import { peopleQueries } from "../api/people";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";

/** The "help troops": which consultant in each staff function serves my unit. */
export function StaffContacts() {
  const { t, language } = useI18n();
  const me = useMe();
  const state = useQuery(peopleQueries.myStaff(me.leader_id as number));

  return (
    <Page title={t("staff.title")}>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        <>
          <p>{t("staff.intro", { unit: state.data.unit?.name ?? "–" })}</p>
          {state.data.entries.length === 0 ? (
            <p>{t("staff.none")}</p>
          ) : (
            <ul className="contacts">
              {state.data.entries.map((entry) => (
                <li key={`${entry.staff_function.id}-${entry.contact.id}`} className="card">
                  <h2>{entry.staff_function.name}</h2>
                  <p>
                    <strong>{entry.contact.name}</strong>
                    {entry.contact.title ? `, ${entry.contact.title}` : ""}
                  </p>
                  <p className="muted small">
                    {t(entry.level === "unit" ? "staff.level.unit" : "staff.level.administration")}
                  </p>
                  {entry.contact.topics.length > 0 ? (
                    <p>
                      {t("hrsetup.staff.helpsWith", {
                        topics: entry.contact.topics
                          .map((topic) => (language === "en" ? topic.label_en : topic.label_da))
                          .join(", "),
                      })}
                    </p>
                  ) : null}
                  <p>
                    {entry.contact.email ? (
                      <a href={`mailto:${entry.contact.email}`}>{entry.contact.email}</a>
                    ) : null}
                    {entry.contact.phone ? (
                      <>
                        {" · "}
                        <a href={`tel:${entry.contact.phone.replace(/\s/g, "")}`}>
                          {entry.contact.phone}
                        </a>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Page>
  );
}
