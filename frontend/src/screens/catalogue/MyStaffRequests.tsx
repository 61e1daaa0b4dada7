/** The leader's own requests for the staff functions' offers, and where each stands
 * (`/help/requests`, `?request=ID` from a notification). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import * as catalogue from "../../api/catalogue";
import { catalogueKeys, catalogueQueries } from "../../api/catalogue";
import type { OfferRequest } from "../../api/catalogue";
import { Page } from "../../components/Page";
import { StaffRequestPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import { offerTitle, statusKey } from "./shared";

const OPEN = ["requested", "accepted", "scheduled"];

export function MyStaffRequests() {
  const { t } = useI18n();
  const requests = useQuery(catalogueQueries.mine());
  const [params] = useSearchParams();
  const focus = Number(params.get("request")) || null;
  return (
    <Page title={t("cat.myRequests.title")}>
      <p>
        <Link to="/help">{t("cat.backToCatalogue")}</Link>
      </p>
      <StaffRequestPrivacy id="my-requests-privacy" />
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? <ErrorView error={requests.error} /> : null}
      {requests.isSuccess && requests.data.length === 0 ? <p>{t("cat.myRequests.none")}</p> : null}
      {requests.isSuccess ? (
        <ul className="contacts">
          {requests.data.map((row) => (
            <RequestCard key={row.id} row={row} focused={row.id === focus} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function RequestCard({ row, focused }: { row: OfferRequest; focused: boolean }) {
  const { t, language, date } = useI18n();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => catalogue.requestWithdraw(row.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
  const title = offerTitle(row.offer, language);
  return (
    <li
      className={`card request status-${row.status}${focused ? " focused" : ""}`}
      aria-labelledby={`my-request-${row.id}`}
    >
      <h2 id={`my-request-${row.id}`}>{title}</h2>
      <p>
        <span className="badge">{t(statusKey(row.status))}</span>{" "}
        <span className="muted small">
          {row.offer.staff_function.name} · {t("cat.requestedOn", { date: date(row.created_at) })}
        </span>
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
        {row.reply ? (
          <div>
            <dt>{t("cat.reply")}</dt>
            <dd>{row.reply}</dd>
          </div>
        ) : null}
        {row.decline_reason ? (
          <div>
            <dt>{t("cat.declineReason")}</dt>
            <dd>{row.decline_reason}</dd>
          </div>
        ) : null}
      </dl>
      {OPEN.includes(row.status) ? (
        <button
          type="button"
          className="secondary"
          onClick={() => withdraw.mutate()}
          disabled={withdraw.isPending}
          aria-label={t("cat.withdraw.for", { title })}
        >
          {t("cat.withdraw")}
        </button>
      ) : null}
      {withdraw.error ? <ErrorView error={withdraw.error} /> : null}
    </li>
  );
}
