import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import { formRules } from "../api/formRules";
import { knowhowQueries } from "../api/knowhow";
import type { KnowhowReason, KnowhowResult } from "../api/knowhow";
import * as peers from "../api/peers";
import { peersKeys, peersQueries } from "../api/peers";
import { privacyQueries } from "../api/privacy";
import { FieldError } from "../components/FieldError";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { KIND_NAME, othersNeverSee } from "./me/Profile";

const MESSAGE = formRules.IntroductionCreateInputRequest.message;
const EXAMPLES: MessageKey[] = ["knowhow.example.1", "knowhow.example.2", "knowhow.example.3"];
const LEVEL: Record<number, MessageKey> = {
  1: "knowhow.level.1",
  2: "knowhow.level.2",
  3: "knowhow.level.3",
};

/** "Who has solved this?": a problem in the leader's own words → leaders who offer know-how. */
export function Knowhow() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const [draft, setDraft] = useState(q);
  const state = useQuery(knowhowQueries.search(q));
  const introductions = useQuery(peersQueries.introductions());
  const asked = new Set(
    (introductions.data ?? [])
      .filter((i) => i.direction === "sent" && (i.status === "pending" || i.status === "accepted"))
      .map((i) => i.to_leader.id),
  );
  const run = (text: string) => {
    setDraft(text);
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <Page title={t("knowhow.title")}>
      <p>{t("knowhow.intro")}</p>
      <form
        role="search"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          run(draft);
        }}
      >
        <div className="field">
          <label htmlFor="knowhow-q">{t("knowhow.label")}</label>
          <input
            id="knowhow-q"
            type="search"
            maxLength={300}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit">{t("knowhow.search")}</button>
        </div>
      </form>
      <p id="knowhow-examples">{t("knowhow.examples")}</p>
      <div className="actions" role="group" aria-labelledby="knowhow-examples">
        {EXAMPLES.map((key) => (
          <button key={key} type="button" className="secondary" onClick={() => run(t(key))}>
            {t(key)}
          </button>
        ))}
      </div>
      {q && state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {q && state.isSuccess ? (
        <section aria-labelledby="knowhow-results">
          <div role="status">
            <h2 id="knowhow-results">
              {state.data.length === 1
                ? t("knowhow.count.one")
                : t("knowhow.count", { count: state.data.length })}
            </h2>
          </div>
          {state.data.length === 0 ? <EmptyState /> : null}
          <ul className="items">
            {state.data.map((result) => (
              <li key={result.leader.id}>
                <ResultCard result={result} asked={asked.has(result.leader.id)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <KnowhowPrivacy />
    </Page>
  );
}

function EmptyState() {
  const { t } = useI18n();
  return (
    <div className="card">
      <p>{t("knowhow.empty")}</p>
      <h3>{t("knowhow.offer.title")}</h3>
      <p>{t("knowhow.offer.text")}</p>
      <p>
        <Link to="/me/profile">{t("knowhow.offer.link")}</Link>
      </p>
    </div>
  );
}

/** Who can find you and what they see; what others never see comes from the served rules. */
function KnowhowPrivacy() {
  const { t } = useI18n();
  const rules = useQuery(privacyQueries.rules());
  const never = rules.data ? othersNeverSee(rules.data) : [];
  return (
    <section aria-labelledby="knowhow-privacy" className="card privacy">
      <h2 id="knowhow-privacy">{t("knowhow.privacy.title")}</h2>
      <p>{t("knowhow.privacy.who")}</p>
      {never.length > 0 ? (
        <p>
          {t("knowhow.privacy.never", {
            things: never.map((kind) => t(KIND_NAME[kind])).join("; "),
          })}
        </p>
      ) : null}
      <p>
        <Link to="/me/profile">{t("knowhow.offer.link")}</Link>
      </p>
    </section>
  );
}

/** The sentence with the leader's matching words marked. */
function Highlighted({ text, words }: { text: string; words: string[] }): ReactNode {
  if (words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = text.split(new RegExp(`(${escaped.join("|")})`, "giu"));
  return parts.map((part, index) =>
    index % 2 === 1 ? <mark key={index}>{part}</mark> : <span key={index}>{part}</span>,
  );
}

function Reason({ reason }: { reason: KnowhowReason }) {
  const { t } = useI18n();
  const asked = t("knowhow.reason.asked", { words: reason.asked.join(", ") });
  if (reason.kind === "strength") {
    const level = reason.level ? t(LEVEL[reason.level] ?? "knowhow.level.2") : "";
    return (
      <li>
        <mark>{t("knowhow.reason.strength", { label: reason.text, level })}</mark> – {asked}
      </li>
    );
  }
  return (
    <li>
      {t("knowhow.reason.introduction")} «<Highlighted text={reason.text} words={reason.matched} />
      » – {asked}
    </li>
  );
}

function ResultCard({ result, asked }: { result: KnowhowResult; asked: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const form = useForm({ defaultValues: { message: "" } });
  const ask = useMutation({
    mutationFn: (message: string) => peers.introductionRequest(result.leader.id, message),
    onSuccess: () => {
      setAsking(false);
      return queryClient.invalidateQueries({ queryKey: peersKeys.introductions() });
    },
    onError: (error) => setServerErrors(error, form.setError, ["message"]),
  });
  const sent = ask.isSuccess;
  const titleId = `knowhow-${result.leader.id}`;
  const fieldId = `knowhow-message-${result.leader.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{result.leader.name}</h3>
      <p className="muted">
        {[result.leader.role_title, result.leader.unit, result.leader.administration]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <h4>{t("knowhow.why")}</h4>
      <ul>
        {result.reasons.map((reason, index) => (
          <Reason key={index} reason={reason} />
        ))}
      </ul>
      {ask.error ? <ErrorView error={ask.error} /> : null}
      {sent ? (
        <p className="ok" role="status">
          {t("knowhow.sent")}
        </p>
      ) : null}
      {asked && !sent ? (
        <p className="ok">
          {t("knowhow.asked")} · <Link to="/peers/introductions">{t("knowhow.intros")}</Link>
        </p>
      ) : null}
      {!sent && !asked && !asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {t("knowhow.ask")}
        </button>
      ) : null}
      {asking ? (
        <form
          className="form"
          onSubmit={form.handleSubmit(({ message }) => ask.mutate(message))}
        >
          <div className="field">
            <label htmlFor={fieldId}>{t("knowhow.message")}</label>
            <textarea
              id={fieldId}
              rows={3}
              maxLength={MESSAGE.maxLength}
              aria-describedby={`${fieldId}-hint`}
              {...form.register("message", MESSAGE)}
            />
            <p id={`${fieldId}-hint`} className="muted">
              {t("knowhow.messageHint")}
            </p>
            <FieldError error={form.formState.errors.message} />
          </div>
          <div className="actions">
            <button type="submit" disabled={ask.isPending}>
              {t("knowhow.send")}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t("knowhow.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
