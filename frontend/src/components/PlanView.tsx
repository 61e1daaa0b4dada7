import { useState } from "react";
import type { PlanDetail } from "../api/types";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { FILTERS, groupPlan, matches, topicsWithHelp } from "./plan/groups";
import type { Phase, PlanFilter, TopicGroup } from "./plan/groups";
import { HELP_HINT_ID, ItemCard } from "./plan/ItemCard";
import { ProgressBar } from "./ProgressBar";
import { HelpPrivacy } from "./Privacy";

const PHASE_TITLE: Record<Phase, MessageKey> = {
  before: "llife.plan.phase.before",
  week1: "llife.plan.phase.week1",
  month1: "llife.plan.phase.month1",
  days90: "llife.plan.phase.days90",
  later: "llife.plan.phase.later",
  none: "llife.plan.phase.none",
};

const FILTER_LABEL: Record<PlanFilter, MessageKey> = {
  all: "llife.plan.filter.all",
  mine: "llife.plan.filter.mine",
  others: "llife.plan.filter.others",
  overdue: "llife.plan.filter.overdue",
  done: "llife.plan.filter.done",
};

/**
 * A plan by phase of the role and topic, with filters (the leader's own items, others', overdue,
 * done); done items are folded away, and the one sentence on who sees "I need help" is said once.
 * The progress shown is the server's (one rule for the plan, the list and the dashboards).
 */
export function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState("");
  const [filter, setFilter] = useState<PlanFilter>("all");
  const groups = groupPlan(plan.items, plan.role_start_date, filter);
  const helpTopics = topicsWithHelp(plan.items);
  const self = plan.viewer === "self";

  const cards = (items: PlanDetail["items"]) => (
    <ul className="items">
      {items.map((item) => (
        <li key={item.id}>
          <ItemCard
            item={item}
            viewer={plan.viewer}
            topicHasHelp={item.topic !== null && helpTopics.has(item.topic ?? "")}
            onChanged={setAnnouncement}
          />
        </li>
      ))}
    </ul>
  );
  const topicTitle = (group: TopicGroup) => group.topic ?? t("llife.plan.noTopic");

  return (
    <>
      <ProgressBar progress={plan.progress} label={t("plan.progress")} />
      <p>
        {plan.progress.overdue > 0
          ? t("plan.overdue", { count: plan.progress.overdue })
          : t("plan.noneOverdue")}
      </p>
      {self ? (
        <div className="card help-hint">
          <p>{t("llife.plan.helpIntro")}</p>
          <HelpPrivacy id={HELP_HINT_ID} />
        </div>
      ) : null}
      <fieldset className="plan-filters">
        <legend>{t("llife.plan.filter.legend")}</legend>
        {FILTERS.map((name) => (
          <label key={name} className="chip">
            <input
              type="radio"
              name="plan-filter"
              value={name}
              checked={filter === name}
              onChange={() => setFilter(name)}
            />
            {t(name === "mine" && !self ? "llife.plan.filter.leaders" : FILTER_LABEL[name])}{" "}
            <span className="count">({plan.items.filter((item) => matches(item, name)).length})</span>
          </label>
        ))}
      </fieldset>
      <p role="status" className="ok">
        {announcement}
      </p>
      {groups.length === 0 ? <p>{t("llife.plan.emptyFilter")}</p> : null}
      {groups.map((group) => (
        <section key={group.phase} className="phase" aria-labelledby={`phase-${group.phase}`}>
          <h2 id={`phase-${group.phase}`}>
            {t(PHASE_TITLE[group.phase])}{" "}
            <span className="muted small">
              {t("llife.plan.phaseCount", { done: group.closed.length, total: group.total })}
            </span>
          </h2>
          {group.open.map((topic) => (
            <div key={topic.topic ?? ""} className="topic">
              <h3>{topicTitle(topic)}</h3>
              {cards(topic.items)}
            </div>
          ))}
          {group.closed.length > 0 && filter === "done" ? cards(group.closed) : null}
          {group.closed.length > 0 && filter !== "done" ? (
            <details className="closed">
              <summary>{t("llife.plan.closed", { count: group.closed.length })}</summary>
              {cards(group.closed)}
            </details>
          ) : null}
        </section>
      ))}
    </>
  );
}
