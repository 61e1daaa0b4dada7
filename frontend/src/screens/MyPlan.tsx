import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { onboardingQueries } from "../api/onboarding";
import { useMe } from "../auth";
import { CalendarFeed } from "../components/CalendarFeed";
import { Page } from "../components/Page";
import { PlanView } from "../components/PlanView";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { NotFound } from "./NotFound";

/** The new leader's own onboarding plan. */
export function MyPlan() {
  const { t } = useI18n();
  const me = useMe();
  const plan = useQuery(onboardingQueries.myPlan(me.leader_id));

  return (
    <Page title={t("plan.mine.title")}>
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <ErrorView error={plan.error} /> : null}
      {plan.isSuccess && plan.data === null ? <p>{t("plan.mine.none")}</p> : null}
      {plan.data ? (
        <p>{t("plan.mine.intro", { date: plan.data.role_start_date, day: plan.data.day })}</p>
      ) : null}
      {/* Before the timeline: a long plan would otherwise hide it at the very end. */}
      <CalendarFeed />
      {plan.data ? <PlanView plan={plan.data} /> : null}
    </Page>
  );
}

/** Someone's plan, as HR, their boss or an item owner may see it. */
export function PlanScreen() {
  const { t } = useI18n();
  const planId = Number(useParams().planId);
  const query = useQuery({ ...onboardingQueries.plan(planId), enabled: Number.isInteger(planId) });
  if (!Number.isInteger(planId)) return <NotFound />;
  if (query.isError) return <ErrorView error={query.error} />;
  const plan = query.data;
  return (
    <Page title={plan ? t("plan.of", { name: plan.leader.name }) : t("plan.title")}>
      <p>
        <Link to=".." relative="path">{t("plan.back")}</Link>
      </p>
      {plan ? (
        <>
          <p>
            {[plan.leader.role_title, plan.leader.unit, plan.leader.administration]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <PlanView plan={plan} />
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
