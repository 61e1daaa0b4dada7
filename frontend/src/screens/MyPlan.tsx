import { Link, useParams } from "react-router";
import * as onboarding from "../api/onboarding";
import { useMe } from "../auth";
import { CalendarFeed } from "../components/CalendarFeed";
import { Page } from "../components/Page";
import { PlanView } from "../components/PlanView";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useLoad } from "../useLoad";
import { NotFound } from "./NotFound";

/** The new leader's own onboarding plan. */
export function MyPlan() {
  const { t, language } = useI18n();
  const me = useMe();
  const [state, reload] = useLoad(async () => {
    const mine = (await onboarding.plans()).find((row) => row.leader.id === me.leader_id);
    return mine ? onboarding.plan(mine.id) : null;
  }, `my-plan-${language}`);

  return (
    <Page title={t("plan.mine.title")}>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <ErrorView error={state.error} /> : null}
      {state.status === "ready" && state.data === null ? <p>{t("plan.mine.none")}</p> : null}
      {state.status === "ready" && state.data ? (
        <p>{t("plan.mine.intro", { date: state.data.role_start_date, day: state.data.day })}</p>
      ) : null}
      {/* Before the timeline: a long plan would otherwise hide it at the very end. */}
      <CalendarFeed />
      {state.status === "ready" && state.data ? (
        <PlanView plan={state.data} onChanged={reload} />
      ) : null}
    </Page>
  );
}

/** Someone's plan, as HR, their boss or an item owner may see it. */
export function PlanScreen() {
  const { t, language } = useI18n();
  const planId = Number(useParams().planId);
  const [state, reload] = useLoad(
    () => onboarding.plan(planId),
    `plan-${planId}-${language}`,
  );
  if (!Number.isInteger(planId)) return <NotFound />;
  if (state.status === "error") return <ErrorView error={state.error} />;
  const plan = state.status === "ready" ? state.data : null;
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
          <PlanView plan={plan} onChanged={reload} />
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
