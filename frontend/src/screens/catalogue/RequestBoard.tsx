/**
 * HR's board of the leaders' requests for the staff functions' offers, by status: accept,
 * schedule, mark done, or decline with a reason the leader reads (`/hr/staff-requests`).
 * The staff consultants have no login in Sparring, so HR moves the requests on for them.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import * as catalogue from "../../api/catalogue";
import { catalogueKeys, catalogueQueries } from "../../api/catalogue";
import type { OfferRequest, OfferRequestUpdate, RequestStatus } from "../../api/catalogue";
import { ApiError } from "../../api/client";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import { offerTitle, statusKey } from "./shared";

const COLUMNS: RequestStatus[][] = [
  ["requested"],
  ["accepted", "scheduled"],
  ["done"],
  ["declined", "withdrawn"],
];

export function RequestBoard() {
  const { t } = useI18n();
  const requests = useQuery(catalogueQueries.board());
  const [params] = useSearchParams();
  const focus = Number(params.get("request")) || null;
  return (
    <Page title={t("cat.board.title")}>
      <p>{t("cat.board.intro")}</p>
      <p>
        <Link to="/hr/setup/offers">{t("cat.hr.link")}</Link>
      </p>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? <ErrorView error={requests.error} /> : null}
      {requests.isSuccess ? (
        <div className="board">
          {COLUMNS.map((statuses) => {
            const rows = requests.data.filter((row) => statuses.includes(row.status));
            const id = `board-${statuses[0]}`;
            return (
              <section key={id} aria-labelledby={id} className="board-column">
                <h2 id={id}>
                  {statuses.map((s) => t(statusKey(s))).join(" / ")} ({rows.length})
                </h2>
                {rows.length === 0 ? <p className="muted small">{t("cat.board.empty")}</p> : null}
                <ul className="contacts">
                  {rows.map((row) => (
                    <BoardCard key={row.id} row={row} focused={row.id === focus} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : null}
    </Page>
  );
}

const NEXT: Record<RequestStatus, RequestStatus[]> = {
  requested: ["accepted", "scheduled", "done", "declined"],
  accepted: ["scheduled", "done", "declined"],
  scheduled: ["scheduled", "done", "declined"],
  done: [],
  declined: [],
  withdrawn: [],
};

function BoardCard({ row, focused }: { row: OfferRequest; focused: boolean }) {
  const { t, language, date } = useI18n();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RequestStatus | "">("");
  const [scheduledFor, setScheduledFor] = useState(row.scheduled_for ?? "");
  const [reply, setReply] = useState(row.reply);
  const [reason, setReason] = useState("");
  const move = useMutation({
    mutationFn: (body: OfferRequestUpdate) => catalogue.requestUpdate(row.id, body),
    onSuccess: () => {
      setStatus("");
      return queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
  const title = offerTitle(row.offer, language);
  const leader = `${row.leader.first_name} ${row.leader.last_name}`;
  const id = `req-${row.id}`;
  const fieldErrors =
    move.error instanceof ApiError && move.error.status === 400
      ? (move.error.body as Record<string, string[]>)
      : {};
  return (
    <li className={`card request${focused ? " focused" : ""}`} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>
        <span className="badge">{t(statusKey(row.status))}</span>{" "}
        <span className="small">
          {leader}, {row.leader.role_title} · {row.leader.unit_name} ·{" "}
          {row.leader.administration_name}
        </span>
      </p>
      <p className="muted small">
        {row.offer.staff_function.name}
        {row.offer.delivered_by ? ` · ${row.offer.delivered_by.name}` : ""} ·{" "}
        {t("cat.requestedOn", { date: date(row.created_at) })}
      </p>
      <dl className="facts">
        {row.desired_timing ? (
          <div>
            <dt>{t("cat.request.timing")}</dt>
            <dd>{row.desired_timing}</dd>
          </div>
        ) : null}
        {row.message ? (
          <div>
            <dt>{t("cat.request.message")}</dt>
            <dd>{row.message}</dd>
          </div>
        ) : null}
        {row.scheduled_for ? (
          <div>
            <dt>{t("cat.scheduledFor")}</dt>
            <dd>{date(row.scheduled_for)}</dd>
          </div>
        ) : null}
        {row.decline_reason ? (
          <div>
            <dt>{t("cat.declineReason")}</dt>
            <dd>{row.decline_reason}</dd>
          </div>
        ) : null}
      </dl>
      {NEXT[row.status].length > 0 ? (
        <form
          className="form"
          aria-label={t("cat.board.moveFor", { title, leader })}
          onSubmit={(event) => {
            event.preventDefault();
            if (!status) return;
            move.mutate({
              status: status as OfferRequestUpdate["status"],
              scheduled_for: scheduledFor || null,
              reply,
              decline_reason: reason,
            });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-status`}>{t("cat.board.newStatus")}</label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(e) => setStatus(e.target.value as RequestStatus)}
            >
              <option value="">{t("cat.board.choose")}</option>
              {NEXT[row.status].map((next) => (
                <option key={next} value={next}>
                  {t(statusKey(next))}
                </option>
              ))}
            </select>
          </div>
          {status === "scheduled" ? (
            <div className="field">
              <label htmlFor={`${id}-date`}>{t("cat.scheduledFor")}</label>
              <input
                id={`${id}-date`}
                type="date"
                value={scheduledFor}
                onChange={(e) => setScheduledFor(e.target.value)}
              />
              {fieldErrors.scheduled_for ? (
                <p className="error">{fieldErrors.scheduled_for.join(" ")}</p>
              ) : null}
            </div>
          ) : null}
          {status === "declined" ? (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t("cat.declineReason")}</label>
              <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
              {fieldErrors.decline_reason ? (
                <p className="error">{fieldErrors.decline_reason.join(" ")}</p>
              ) : null}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-reply`}>{t("cat.reply")}</label>
            <textarea
              id={`${id}-reply`}
              rows={2}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
            />
          </div>
          <button type="submit" disabled={!status || move.isPending}>
            {t("cat.board.save")}
          </button>
          {move.error && !(move.error instanceof ApiError && move.error.status === 400) ? (
            <ErrorView error={move.error} />
          ) : null}
        </form>
      ) : null}
    </li>
  );
}
