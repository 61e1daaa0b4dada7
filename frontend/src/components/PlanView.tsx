import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import * as onboarding from "../api/onboarding";
import { formRules } from "../api/formRules";
import { onboardingKeys } from "../api/onboarding";
import type { ItemStatus, PlanDetail, PlanItem } from "../api/types";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { ProgressBar } from "./ProgressBar";
import { HelpPrivacy } from "./Privacy";

const STATUS_TEXT: Record<ItemStatus, MessageKey> = {
  todo: "item.status.todo",
  in_progress: "item.status.in_progress",
  done: "item.status.done",
  not_applicable: "item.status.not_applicable",
};

const DAY = 24 * 60 * 60 * 1000;
const REASON = formRules.PatchedOnboardingPlanItemUpdateInputRequest.reason;

/** Week of the role (1 = the first week); 0 = before the start; null = no due date. */
export function weekOf(due: string | null, start: string): number | null {
  if (!due) return null;
  const days = Math.round((Date.parse(due) - Date.parse(start)) / DAY);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

/** Group items by week of the role, in order; items without a due date come last. */
export function groupByWeek(items: PlanItem[], start: string): [number | null, PlanItem[]][] {
  const groups = new Map<number | null, PlanItem[]>();
  for (const item of items) {
    const week = weekOf(item.due_date, start);
    groups.set(week, [...(groups.get(week) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity));
}

/**
 * A plan as a timeline by week, with the actions the viewer may take on each item. An action
 * refetches the plans (`onboardingKeys.plans()`), so progress and the dashboard follow.
 */
export function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState("");

  function weekTitle(week: number | null): string {
    if (week === null) return t("plan.week.none");
    if (week === 0) return t("plan.week.before");
    return t("plan.week.n", { week });
  }

  return (
    <>
      <ProgressBar progress={plan.progress} label={t("plan.progress")} />
      <p>
        {plan.progress.overdue > 0
          ? t("plan.overdue", { count: plan.progress.overdue })
          : t("plan.noneOverdue")}
      </p>
      <p role="status" className="ok">
        {announcement}
      </p>
      {groupByWeek(plan.items, plan.role_start_date).map(([week, items]) => (
        <section
          key={String(week)}
          className="week"
          aria-labelledby={`week-${String(week)}`}
        >
          <h2 id={`week-${String(week)}`}>{weekTitle(week)}</h2>
          <ul className="items">
            {items.map((item) => (
              <li key={item.id}>
                <ItemCard
                  item={item}
                  viewer={plan.viewer}
                  onChanged={setAnnouncement}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ItemCard({
  item,
  viewer,
  onChanged,
}: {
  item: PlanItem;
  viewer: PlanDetail["viewer"];
  onChanged: (message: string) => void;
}) {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const [askingReason, setAskingReason] = useState(false);
  const reasonForm = useForm({ defaultValues: { reason: "" } });
  const action = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; message: string }) => run(),
    onSuccess: (_data, { message }) => {
      setAskingReason(false);
      onChanged(message);
      return queryClient.invalidateQueries({ queryKey: onboardingKeys.plans() });
    },
  });
  const busy = action.isPending;
  const act = (run: () => Promise<unknown>, message: string) => action.mutate({ run, message });
  const titleId = `item-${item.id}-title`;
  const closed = item.status === "done" || item.status === "not_applicable";

  const onNotApplicable = reasonForm.handleSubmit(({ reason }) =>
    act(
      () => onboarding.itemStatusSet(item.id, "not_applicable", reason),
      t("item.saved.notApplicable", { title: item.title }),
    ),
  );

  return (
    <article aria-labelledby={titleId} className={`card item status-${item.status}`}>
      <h3 id={titleId}>{item.title}</h3>
      <dl className="facts">
        <div>
          <dt>{t("item.status")}</dt>
          <dd>
            {t(STATUS_TEXT[item.status])}
            {item.overdue && !closed ? <strong className="badge warn">{t("item.overdue")}</strong> : null}
          </dd>
        </div>
        <div>
          <dt>{t("item.due")}</dt>
          <dd>{item.due_date ? date(item.due_date) : t("item.noDue")}</dd>
        </div>
        <div>
          <dt>{t("item.owner")}</dt>
          <dd>
            {/* The API's label already names the person ("Peter Holm (Boss)"), or says "HR". */}
            {item.owner_label || item.owner_name}
            {item.owner_email ? (
              <>
                {" "}
                <a href={`mailto:${item.owner_email}`}>{item.owner_email}</a>
              </>
            ) : null}
          </dd>
        </div>
        {item.topic_label ? (
          <div>
            <dt>{t("item.topic")}</dt>
            <dd>{item.topic_label}</dd>
          </div>
        ) : null}
        {item.status === "not_applicable" && item.not_applicable_reason ? (
          <div>
            <dt>{t("item.reason")}</dt>
            <dd>{item.not_applicable_reason}</dd>
          </div>
        ) : null}
      </dl>
      {item.guidance ? <p className="guidance">{item.guidance}</p> : null}
      {action.isError ? (
        <p role="alert" className="error">
          {t("status.error")}
        </p>
      ) : null}
      {viewer !== "owner" || !closed ? (
        <div className="actions">
          {!closed ? (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                act(
                  () => onboarding.itemStatusSet(item.id, "done"),
                  t("item.saved.done", { title: item.title }),
                )
              }
            >
              {t("item.markDone")}
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                act(
                  () => onboarding.itemStatusSet(item.id, "todo"),
                  t("item.saved.reopened", { title: item.title }),
                )
              }
            >
              {t("item.reopen")}
            </button>
          )}
          {!closed && !askingReason ? (
            <button type="button" className="secondary" onClick={() => setAskingReason(true)}>
              {t("item.notApplicable")}
            </button>
          ) : null}
        </div>
      ) : null}
      {askingReason ? (
        <form onSubmit={onNotApplicable} className="inline-form">
          <label htmlFor={`reason-${item.id}`}>{t("item.reasonLabel")}</label>
          <input
            id={`reason-${item.id}`}
            maxLength={REASON.maxLength}
            {...reasonForm.register("reason", REASON)}
          />
          <button type="submit" disabled={busy}>
            {t("item.notApplicableConfirm")}
          </button>
          <button type="button" className="secondary" onClick={() => setAskingReason(false)}>
            {t("item.cancel")}
          </button>
        </form>
      ) : null}
      {viewer === "self" ? (
        <div className="help">
          {item.need_help ? (
            <p className="ok">{t("item.helpAsked")}</p>
          ) : (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-describedby={`help-${item.id}`}
              onClick={() =>
                act(
                  () => onboarding.itemNeedHelp(item.id),
                  t("item.saved.help", { title: item.title }),
                )
              }
            >
              {t("item.needHelp")}
            </button>
          )}
          <HelpPrivacy id={`help-${item.id}`} />
        </div>
      ) : null}
    </article>
  );
}
