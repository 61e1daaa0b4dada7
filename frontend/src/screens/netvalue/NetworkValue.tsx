import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import * as api from "../../api/netvalue";
import { netvalueKeys, netvalueQueries } from "../../api/netvalue";
import type { ValueCell, ValueOverviewNetwork, ValueQuestion } from "../../api/netvalue";
import { Page } from "../../components/Page";
import { FeedbackPrivacy, NetworkValueHrPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";
import { errorMessages } from "../gatherings/parts";

type Wish = "keep" | "change" | "close";
const WISHES: Wish[] = ["keep", "change", "close"];

/** The member: "Was the network worth your time?" for each of their leader groups and learning
 * networks in the open round (from the notification). Answers are the member's own. */
export function NetworkValueForm() {
  const { t, date } = useI18n();
  const query = useQuery(netvalueQueries.mine());
  return (
    <Page title={t("nval.form.title")}>
      <p>{t("nval.form.intro")}</p>
      <FeedbackPrivacy kind="network_value" />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : query.data.round === null ? (
        <p>{t("nval.form.closed")}</p>
      ) : query.data.questions.length === 0 ? (
        <p>{t("nval.form.none")}</p>
      ) : (
        <>
          <p>{t("nval.form.until", { date: date(query.data.round.closes_on) })}</p>
          {query.data.questions.map((q) => (
            <QuestionForm key={q.network.id} question={q} />
          ))}
        </>
      )}
      <p>
        {t("nval.form.informal")} <Link to="/networks">{t("nval.form.informalLink")}</Link>
      </p>
    </Page>
  );
}

function QuestionForm({ question }: { question: ValueQuestion }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const id = question.network.id;
  const [score, setScore] = useState<number | null>(question.answer?.score ?? null);
  const [wish, setWish] = useState<Wish>((question.answer?.wish as Wish | undefined) ?? "keep");
  const [comment, setComment] = useState(question.answer?.comment ?? "");
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api.answer({ network: id, score: score ?? 0, wish, comment }),
    onSuccess: () => {
      setSaved(true);
      return queryClient.invalidateQueries({ queryKey: netvalueKeys.mine() });
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  }
  const headingId = `nval-net-${id}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{question.network.name}</h2>
      <form className="form" onSubmit={onSubmit}>
        <fieldset>
          <legend>{t("nval.form.question")}</legend>
          <div className="checks">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={`score-${id}`}
                  value={n}
                  required
                  checked={score === n}
                  onChange={() => setScore(n)}
                />{" "}
                {t(`nval.score.${n}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("nval.form.wish")}</legend>
          <div className="checks">
            {WISHES.map((w) => (
              <label key={w}>
                <input
                  type="radio"
                  name={`wish-${id}`}
                  value={w}
                  checked={wish === w}
                  onChange={() => setWish(w)}
                />{" "}
                {t(`nval.wish.${w}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`nval-comment-${id}`}>{t("nval.form.comment")}</label>
          <textarea
            id={`nval-comment-${id}`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <button type="submit" disabled={save.isPending || score === null}>
          {question.answer ? t("nval.form.update") : t("nval.form.send")}
        </button>
        <div role="status" aria-live="polite">
          {saved ? <p className="ok">{t("nval.form.saved")}</p> : null}
        </div>
        {save.error ? (
          <div role="alert" className="error">
            {(errorMessages(save.error).length ? errorMessages(save.error) : [t("status.error")]).map(
              (m) => (
                <p key={m}>{m}</p>
              ),
            )}
          </div>
        ) : null}
      </form>
    </section>
  );
}

/** HR: the latest round per network: figures from five answers, a recommendation in words. */
export function HrNetworkValue() {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery(netvalueQueries.overview());
  const ask = useMutation({
    mutationFn: api.roundOpen,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: netvalueKeys.all }),
  });
  return (
    <Page title={t("nval.hr.title")}>
      <p>{t("nval.hr.intro")}</p>
      <NetworkValueHrPrivacy />
      {query.isPending ? (
        <Loading />
      ) : query.isError && query.error instanceof ApiError && query.error.status === 403 ? (
        <p>{t("nval.hr.orgWide")}</p>
      ) : query.isError ? (
        <ErrorView error={query.error} />
      ) : (
        <>
          {query.data.round ? (
            <p>
              {t("nval.hr.round", {
                from: date(query.data.round.opened_on),
                to: date(query.data.round.closes_on),
              })}
            </p>
          ) : (
            <p>{t("nval.hr.noRound")}</p>
          )}
          <div className="actions">
            <button type="button" onClick={() => ask.mutate()} disabled={ask.isPending}>
              {t("nval.hr.ask")}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {ask.isSuccess ? <p className="ok">{t("nval.hr.asked")}</p> : null}
          </div>
          {ask.error ? (
            <div role="alert" className="error">
              <p>{errorMessages(ask.error)[0] ?? t("status.error")}</p>
            </div>
          ) : null}
          {query.data.networks.length > 0 && query.data.round ? (
            <OverviewTable rows={query.data.networks} />
          ) : null}
          {query.data.networks
            .filter((r) => r.comments.length > 0)
            .map((r) => (
              <section key={r.network.id} aria-labelledby={`nval-c-${r.network.id}`} className="card">
                <h2 id={`nval-c-${r.network.id}`}>{t("nval.hr.comments", { name: r.network.name })}</h2>
                <ul>
                  {r.comments.map((c, k) => (
                    <li key={k}>{c}</li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      )}
    </Page>
  );
}

function OverviewTable({ rows }: { rows: ValueOverviewNetwork[] }) {
  const { t, decimal } = useI18n();
  const cell = (c: ValueCell, digits = 0) =>
    c.suppressed || c.value === null ? (
      <span title={t("nval.hr.hiddenHelp")}>{t("nval.hr.hidden")}</span>
    ) : (
      decimal(c.value, digits)
    );
  return (
    <table className="wrap-table">
      <caption>{t("nval.hr.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("nval.hr.network")}</th>
          <th scope="col">{t("nval.hr.answers")}</th>
          <th scope="col">{t("nval.hr.mean")}</th>
          <th scope="col">{t("nval.wish.keep")}</th>
          <th scope="col">{t("nval.wish.change")}</th>
          <th scope="col">{t("nval.wish.close")}</th>
          <th scope="col">{t("nval.hr.verdict")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.network.id}>
            <th scope="row">{r.network.name}</th>
            <td>{t("nval.hr.answersOf", { answers: r.answers, members: r.members })}</td>
            <td>{cell(r.mean_score, 1)}</td>
            <td>{cell(r.keep)}</td>
            <td>{cell(r.change)}</td>
            <td>{cell(r.close)}</td>
            <td>
              {t(`nval.verdict.${r.verdict}` as MessageKey, {
                mean: r.mean_score.value === null ? "" : decimal(r.mean_score.value, 1),
                close: r.close.value ?? 0,
                answers: r.answers,
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
