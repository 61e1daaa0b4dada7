import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import * as peers from "../api/peers";
import { peersKeys, peersQueries } from "../api/peers";
import type { Introduction, IntroductionAction } from "../api/peers";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";

const STATUS: Record<Introduction["status"], MessageKey> = {
  pending: "lnet.intro.status.pending",
  accepted: "lnet.intro.status.accepted",
  declined: "lnet.intro.status.declined",
  withdrawn: "lnet.intro.status.withdrawn",
};

/** Introductions to me (accept or decline) and from me (withdraw); contact details once yes. */
export function Introductions() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(peersQueries.introductions());
  // Kept as what was done, so the message follows a language switch.
  const [done, setDone] = useState<{ action: IntroductionAction; name: string } | null>(null);
  const answer = useMutation({
    mutationFn: ({ intro, action }: { intro: Introduction; action: IntroductionAction; other: string }) =>
      peers.introductionAct(intro.id, action),
    onSuccess: (_data, { action, other }) => {
      setDone({ action, name: other });
      return queryClient.invalidateQueries({ queryKey: peersKeys.introductions() });
    },
  });
  const error = answer.error;
  const act = (intro: Introduction, action: IntroductionAction, other: string) =>
    answer.mutate({ intro, action, other });

  const received = (state.data ?? []).filter((i) => i.direction === "received");
  const sent = (state.data ?? []).filter((i) => i.direction === "sent");

  return (
    <Page title={t("lnet.intro.title")}>
      <p>
        {t("lnet.intro.intro")} <Link to="/peers">{t("lnet.intro.findPeers")}</Link>
      </p>
      <p role="status" className="ok">
        {done ? t(`lnet.intro.done.${done.action}`, { name: done.name }) : ""}
      </p>
      {error ? <ErrorView error={error} /> : null}
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        <>
          <section aria-labelledby="lnet-intro-received">
            <h2 id="lnet-intro-received">{t("lnet.intro.received")}</h2>
            {received.length === 0 ? <p>{t("lnet.intro.receivedNone")}</p> : null}
            <ul className="items">
              {received.map((intro) => (
                <li key={intro.id}>
                  <IntroductionCard intro={intro} onAct={act} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="lnet-intro-sent">
            <h2 id="lnet-intro-sent">{t("lnet.intro.sent")}</h2>
            {sent.length === 0 ? <p>{t("lnet.intro.sentNone")}</p> : null}
            <ul className="items">
              {sent.map((intro) => (
                <li key={intro.id}>
                  <IntroductionCard intro={intro} onAct={act} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  );
}

function IntroductionCard({
  intro,
  onAct,
}: {
  intro: Introduction;
  onAct: (intro: Introduction, action: IntroductionAction, other: string) => void;
}) {
  const { t, date } = useI18n();
  const received = intro.direction === "received";
  const other = received ? intro.from_leader : intro.to_leader;
  const id = `lnet-intro-${intro.id}`;
  const pending = intro.status === "pending";
  return (
    <article className="card" aria-labelledby={id}>
      <h3 id={id}>
        {t(received ? "lnet.intro.from" : "lnet.intro.to", { name: other.name })}
      </h3>
      <p className="muted">
        {[other.role_title, other.unit, other.administration, intro.municipality]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {intro.message ? (
        <figure>
          <blockquote>{intro.message}</blockquote>
          <figcaption className="small">
            {t("lnet.intro.asked", { date: date(intro.created_at) })}
          </figcaption>
        </figure>
      ) : (
        <p className="small">{t("lnet.intro.asked", { date: date(intro.created_at) })}</p>
      )}
      <p>
        <strong>{t("lnet.intro.status")}:</strong> {t(STATUS[intro.status])}
      </p>
      {intro.contact ? (
        <dl className="facts">
          <div>
            <dt>{t("lnet.intro.contact.name")}</dt>
            <dd>{intro.contact.name}</dd>
          </div>
          {intro.contact.email ? (
            <div>
              <dt>{t("lnet.intro.contact.email")}</dt>
              <dd>
                <a href={`mailto:${intro.contact.email}`}>{intro.contact.email}</a>
              </dd>
            </div>
          ) : null}
          {intro.contact.phone ? (
            <div>
              <dt>{t("lnet.intro.contact.phone")}</dt>
              <dd>
                <a href={`tel:${intro.contact.phone.replace(/\s/g, "")}`}>{intro.contact.phone}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {pending && received ? (
        <div className="actions">
          <button type="button" onClick={() => onAct(intro, "accept", other.name)}>
            {t("lnet.intro.accept")}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => onAct(intro, "decline", other.name)}
          >
            {t("lnet.intro.decline")}
          </button>
        </div>
      ) : null}
      {pending && !received ? (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => onAct(intro, "withdraw", other.name)}
          >
            {t("lnet.intro.withdraw")}
          </button>
        </div>
      ) : null}
    </article>
  );
}
