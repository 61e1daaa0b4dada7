/**
 * HR's queue of requests for a coach: who asks and for what (each read is written in the
 * leader's access log), the matcher's proposal with its reasons, approve / choose another /
 * close.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import * as coaching from "../../api/coaching";
import type { CoachOption, HrCoachRequest } from "../../api/coaching";
import { coachingKeys, coachingQueries } from "../../api/coaching";
import { Page } from "../../components/Page";
import { CoachHrPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import { PREFERENCE_TEXT, STATUS_TEXT, useDate } from "./common";

export function HrCoachRequests() {
  const { t } = useI18n();
  const queue = useQuery(coachingQueries.queue());
  const forbidden = queue.error instanceof ApiError && queue.error.status === 403;
  const open = queue.data?.filter((r) => r.status === "open") ?? [];
  const handled = queue.data?.filter((r) => r.status !== "open") ?? [];
  return (
    <Page title={t("coach.queue.title")}>
      <p>{t("coach.queue.intro")}</p>
      <CoachHrPrivacy />
      <p>
        <Link to="/hr/coaching/coaches">{t("coach.queue.poolLink")}</Link>
      </p>
      {queue.isPending ? <Loading /> : null}
      {forbidden ? <p role="alert">{t("coach.queue.forbidden")}</p> : null}
      {queue.error && !forbidden ? <ErrorView error={queue.error} /> : null}
      {queue.data?.length === 0 ? <p>{t("coach.queue.none")}</p> : null}
      {open.length > 0 ? (
        <section aria-labelledby="coach-open">
          <h2 id="coach-open">{t("coach.queue.open")}</h2>
          {open.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </section>
      ) : null}
      {handled.length > 0 ? (
        <section aria-labelledby="coach-handled">
          <h2 id="coach-handled">{t("coach.queue.done")}</h2>
          {handled.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </section>
      ) : null}
    </Page>
  );
}

function RequestCard({ request }: { request: HrCoachRequest }) {
  const { t } = useI18n();
  const date = useDate();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: coachingKeys.all });
  const assign = useMutation({
    mutationFn: (coachId: number) => coaching.coachRequestAssign(request.id, coachId),
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: () => coaching.coachRequestClose(request.id),
    onSuccess: done,
  });
  const leader = request.leader;
  const proposal = request.proposal;
  const others = proposal?.options.filter((o) => o.coach.id !== proposal.proposed?.coach.id) ?? [];
  const headingId = `coach-request-${request.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {leader.name} · {leader.role_title}
      </h3>
      <p className="muted">
        {[leader.unit, leader.administration].filter(Boolean).join(", ")} ·{" "}
        {t("coach.queue.asked", { date: date(request.created_at) })} · {t(STATUS_TEXT[request.status])}
      </p>
      <p className="pre-wrap">{request.text}</p>
      {request.topics.length > 0 ? <p>{request.topics.map((x) => x.name).join(", ")}</p> : null}
      <p className="muted">
        {t("coach.queue.preference", { preference: t(PREFERENCE_TEXT[request.preference]) })}
        {request.language ? ` · ${t(request.language === "en" ? "coach.language.en" : "coach.language.da")}` : ""}
      </p>
      {request.coach ? (
        <>
          <p>
            <strong>{t("coach.queue.assignedTo", { name: request.coach.name })}</strong>
          </p>
          <Reasons reasons={request.reasons} />
        </>
      ) : null}
      {request.status === "open" && proposal ? (
        <>
          <h4>{t("coach.queue.proposed")}</h4>
          {proposal.proposed ? (
            <OptionView
              option={proposal.proposed}
              action={t("coach.queue.approve", { name: proposal.proposed.coach.name })}
              onChoose={(id) => assign.mutate(id)}
              busy={assign.isPending}
            />
          ) : (
            <p>
              {t("coach.queue.noProposal")}
              {proposal.unmatched_reason ? `: ${proposal.unmatched_reason}` : ""}
            </p>
          )}
          {others.length > 0 ? (
            <>
              <h4>{t("coach.queue.others")}</h4>
              {others.map((option) => (
                <OptionView
                  key={option.coach.id}
                  option={option}
                  action={t("coach.queue.choose", { name: option.coach.name })}
                  onChoose={(id) => assign.mutate(id)}
                  busy={assign.isPending}
                />
              ))}
            </>
          ) : null}
        </>
      ) : null}
      {assign.error ? <ErrorView error={assign.error} /> : null}
      {close.error ? <ErrorView error={close.error} /> : null}
      {request.status === "open" || request.status === "assigned" ? (
        <button type="button" className="secondary" onClick={() => close.mutate()} disabled={close.isPending}>
          {request.status === "open" ? t("coach.queue.close") : t("coach.queue.end")}
        </button>
      ) : null}
    </article>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  return reasons.length > 0 ? (
    <ul className="small">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  ) : null;
}

function OptionView({
  option,
  action,
  onChoose,
  busy,
}: {
  option: CoachOption;
  action: string;
  onChoose: (coachId: number) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const coach = option.coach;
  return (
    <div className="option">
      <p>
        <strong>{coach.name}</strong> · {t(coach.kind === "internal" ? "coach.kind.internal" : "coach.kind.external")}
        {coach.firm ? ` · ${coach.firm}` : ""} ·{" "}
        {t("coach.queue.places", { taken: coach.coaching_now, capacity: coach.capacity })}
      </p>
      <Reasons reasons={option.reasons} />
      <button type="button" onClick={() => onChoose(coach.id)} disabled={busy}>
        {action}
      </button>
    </div>
  );
}
