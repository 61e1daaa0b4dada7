import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import * as onboarding from "../../api/onboarding";
import { formRules } from "../../api/formRules";
import { onboardingKeys } from "../../api/onboarding";
import type { ItemStatus, PlanDetail, PlanItem } from "../../api/types";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";
import { isClosed } from "./groups";

const STATUS_TEXT: Record<ItemStatus, MessageKey> = {
  todo: "item.status.todo",
  in_progress: "item.status.in_progress",
  done: "item.status.done",
  not_applicable: "item.status.not_applicable",
};

const REASON = formRules.PatchedOnboardingPlanItemUpdateInputRequest.reason;

/** The id of the plan's one sentence on who sees "I need help" (the buttons point to it). */
export const HELP_HINT_ID = "plan-help-hint";

/**
 * One plan item, compact: title, status, due date, owner; guidance folded away; the actions the
 * viewer may take. An action refetches the plans, so progress and the dashboards follow.
 */
export function ItemCard({
  item,
  viewer,
  topicHasHelp,
  onChanged,
}: {
  item: PlanItem;
  viewer: PlanDetail["viewer"];
  /** The leader already asked for help on another item of this topic. */
  topicHasHelp: boolean;
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
  const closed = isClosed(item);

  const onNotApplicable = reasonForm.handleSubmit(({ reason }) =>
    act(
      () => onboarding.itemStatusSet(item.id, "not_applicable", reason),
      t("item.saved.notApplicable", { title: item.title }),
    ),
  );

  return (
    <article aria-labelledby={titleId} className={`card item status-${item.status}`}>
      <h4 id={titleId}>{item.title}</h4>
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
        {item.status === "not_applicable" && item.not_applicable_reason ? (
          <div>
            <dt>{t("item.reason")}</dt>
            <dd>{item.not_applicable_reason}</dd>
          </div>
        ) : null}
      </dl>
      {item.guidance ? (
        <details className="guidance-toggle">
          <summary>{t("llife.plan.guidance")}</summary>
          <p className="guidance">{item.guidance}</p>
        </details>
      ) : null}
      <ItemOffers item={item} viewer={viewer} />
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
          {viewer === "self" && item.topic && !closed && !item.need_help ? (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-describedby={HELP_HINT_ID}
              onClick={() =>
                act(
                  () => onboarding.itemNeedHelp(item.id),
                  t(topicHasHelp ? "llife.plan.helpRaised" : "item.saved.help", {
                    title: item.title,
                    topic: item.topic_label ?? "",
                  }),
                )
              }
            >
              {t("item.needHelp")}
            </button>
          ) : null}
        </div>
      ) : null}
      {viewer === "self" && item.need_help ? <p className="ok">{t("item.helpAsked")}</p> : null}
      {viewer === "self" && !item.need_help && topicHasHelp && !closed ? (
        <p className="muted small">
          {t("llife.plan.topicHasHelp", { topic: item.topic_label ?? "" })}
        </p>
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
    </article>
  );
}

/** The staff functions' offers that serve this item; the leader asks for one from here. */
function ItemOffers({ item, viewer }: { item: PlanItem; viewer: PlanDetail["viewer"] }) {
  const { t, language } = useI18n();
  if (item.offers.length === 0) return null;
  return (
    <div className="item-offers">
      <p className="small">
        <strong>{t("cat.plan.offers")}</strong>
      </p>
      <ul>
        {item.offers.map((offer) => {
          const title = language === "en" && offer.title_en ? offer.title_en : offer.title_da;
          return (
            <li key={offer.id}>
              {title} <span className="muted small">({offer.staff_function_name})</span>
              {viewer === "self" ? (
                <>
                  {" "}
                  <Link to={`/help?offer=${offer.id}`} aria-label={t("cat.plan.request", { title })}>
                    {t("cat.request.open")}
                  </Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
