import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as api from "../../../api/networkSetup";
import { setupKeys, setupQueries } from "../../../api/networkSetup";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";

/** Cohort circles: new leaders who started in the same period, mixed across administrations. */
export function CohortCircles() {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const circles = useQuery(setupQueries.circles());
  const form = useMutation({
    mutationFn: api.cohortCirclesForm,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: setupKeys.all }),
  });
  const date = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK", { dateStyle: "medium" });
  return (
    <section aria-labelledby="cohorts" className="card">
      <h2 id="cohorts">{t("hrsetup.cohorts.title")}</h2>
      <p>{t("hrsetup.cohorts.intro")}</p>
      <button type="button" disabled={form.isPending} onClick={() => form.mutate()}>
        {t("hrsetup.cohorts.form")}
      </button>
      {form.error ? <ErrorView error={form.error} /> : null}
      {form.isSuccess ? (
        <p role="status" className="ok">
          {t("hrsetup.cohorts.formed", { count: form.data.length })}
        </p>
      ) : null}
      {circles.isPending ? <Loading /> : null}
      {circles.isError ? <ErrorView error={circles.error} /> : null}
      {circles.isSuccess && circles.data.length > 0 ? (
        <table className="wrap-table">
          <caption>{t("hrsetup.cohorts.caption", { count: circles.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hrsetup.cohorts.name")}</th>
              <th scope="col">{t("hrsetup.cohorts.period")}</th>
              <th scope="col">{t("hrsetup.cohorts.members")}</th>
            </tr>
          </thead>
          <tbody>
            {circles.data.map((circle) => (
              <tr key={circle.id}>
                <th scope="row">{circle.name}</th>
                <td>
                  {date.format(new Date(circle.period_start))} – {date.format(new Date(circle.period_end))}
                </td>
                <td>{circle.member_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
