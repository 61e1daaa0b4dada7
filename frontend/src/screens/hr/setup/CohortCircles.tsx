import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as api from "../../../api/networkSetup";
import { setupKeys, setupQueries } from "../../../api/networkSetup";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";

/** Cohort circles: new leaders who started in the same period, mixed across administrations.
 * HR has circles proposed, reviews who is in each, then creates them. */
export function CohortCircles() {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const circles = useQuery(setupQueries.circles());
  const propose = useMutation({ mutationFn: api.cohortProposal });
  const create = useMutation({
    mutationFn: api.cohortCirclesForm,
    onSuccess: () => {
      propose.reset();
      return queryClient.invalidateQueries({ queryKey: setupKeys.all });
    },
  });
  const date = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK", {
    dateStyle: "medium",
  });
  const proposal = propose.data;
  return (
    <section aria-labelledby="cohorts" className="card">
      <h2 id="cohorts">{t("hrsetup.cohorts.title")}</h2>
      <p>{t("hrsetup.cohorts.intro")}</p>
      <button type="button" disabled={propose.isPending} onClick={() => propose.mutate()}>
        {t("hrsetup.cohorts.propose")}
      </button>
      {propose.error ? <ErrorView error={propose.error} /> : null}
      {proposal ? (
        <div aria-labelledby="cohort-proposal">
          <h3 id="cohort-proposal">
            {t("hrsetup.cohorts.proposal", {
              count: proposal.groups.length,
              start: date.format(new Date(proposal.period_start)),
              end: date.format(new Date(proposal.period_end)),
            })}
          </h3>
          <ol>
            {proposal.groups.map((group, index) => (
              <li key={index}>
                {group.members
                  .map((member) =>
                    member.administration ? `${member.name} (${member.administration})` : member.name,
                  )
                  .join(", ")}
              </li>
            ))}
          </ol>
          <button
            type="button"
            disabled={create.isPending}
            onClick={() => create.mutate(proposal.groups.map((g) => g.members.map((m) => m.id)))}
          >
            {t("hrsetup.cohorts.publish", { count: proposal.groups.length })}
          </button>
        </div>
      ) : null}
      {create.error ? <ErrorView error={create.error} /> : null}
      {create.isSuccess ? (
        <p role="status" className="ok">
          {t("hrsetup.cohorts.formed", { count: create.data.length })}
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
                  {date.format(new Date(circle.period_start))} –{" "}
                  {date.format(new Date(circle.period_end))}
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
