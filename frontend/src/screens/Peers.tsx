import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { formRules } from "../api/formRules";
import * as peers from "../api/peers";
import { peersKeys, peersQueries } from "../api/peers";
import type { Peer } from "../api/peers";
import { Page } from "../components/Page";
import { FieldError } from "../components/FieldError";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";

const MESSAGE = formRules.IntroductionCreateInputRequest.message;

/** The peer finder: leaders with a similar core task elsewhere, with the reasons. */
export function Peers() {
  const { t } = useI18n();
  const [otherAdministration, setOtherAdministration] = useState(true);
  const [specialist, setSpecialist] = useState(false);
  const [roundTheClock, setRoundTheClock] = useState(false);
  const query = {
    other_administration: otherAdministration,
    ...(specialist ? { specialist: true } : {}),
    ...(roundTheClock ? { round_the_clock: true } : {}),
  };
  const state = useQuery(peersQueries.peers(query));
  // Peers I have already asked (pending or accepted): asking again would be refused.
  const introductions = useQuery(peersQueries.introductions());
  const asked = new Set(
    (introductions.data ?? [])
      .filter((i) => i.direction === "sent" && (i.status === "pending" || i.status === "accepted"))
      .map((i) => i.to_leader.id),
  );

  return (
    <Page title={t("peers.title")}>
      <p>{t("peers.intro")}</p>
      <fieldset className="field filters">
        <legend>{t("peers.filters")}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={otherAdministration}
            onChange={(e) => setOtherAdministration(e.target.checked)}
          />
          {t("peers.otherAdministration")}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={specialist}
            onChange={(e) => setSpecialist(e.target.checked)}
          />
          {t("peers.specialist")}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={roundTheClock}
            onChange={(e) => setRoundTheClock(e.target.checked)}
          />
          {t("peers.roundTheClock")}
        </label>
      </fieldset>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess ? (
        <>
          <p role="status">{t("peers.count", { count: state.data.length })}</p>
          <ul className="items">
            {state.data.map((peer) => (
              <li key={peer.leader.id}>
                <PeerCard peer={peer} asked={asked.has(peer.leader.id)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

function PeerCard({ peer, asked }: { peer: Peer; asked: boolean }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const form = useForm({ defaultValues: { message: "" } });
  const ask = useMutation({
    mutationFn: (message: string) => peers.introductionRequest(peer.leader.id, message),
    onSuccess: () => {
      setAsking(false);
      return queryClient.invalidateQueries({ queryKey: peersKeys.introductions() });
    },
    onError: (error) => setServerErrors(error, form.setError, ["message"]),
  });
  const sent = ask.isSuccess;
  const error = ask.error;
  const titleId = `peer-${peer.leader.id}`;
  const onSubmit = form.handleSubmit(({ message }) => ask.mutate(message));

  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{peer.leader.name}</h2>
      <p className="muted">
        {[peer.leader.role_title, peer.leader.unit, peer.leader.administration]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <h3>{t("peers.why")}</h3>
      <ul>
        {peer.reasons.map((reason) => (
          <li key={reason.code}>{language === "en" ? reason.en : reason.da}</li>
        ))}
      </ul>
      {error ? <ErrorView error={error} /> : null}
      {sent ? (
        <p className="ok" role="status">
          {t("peers.sent")}
        </p>
      ) : null}
      {asked && !sent ? (
        <p className="ok">
          {t("lself.peers.asked")} · <Link to="/peers/introductions">{t("lnet.nav.intros")}</Link>
        </p>
      ) : null}
      {!sent && !asked && !asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {t("peers.ask")}
        </button>
      ) : null}
      {asking ? (
        <form onSubmit={onSubmit} className="form">
          <div className="field">
            <label htmlFor={`intro-${peer.leader.id}`}>{t("peers.message")}</label>
            <textarea
              id={`intro-${peer.leader.id}`}
              rows={3}
              maxLength={MESSAGE.maxLength}
              {...form.register("message", MESSAGE)}
            />
            <FieldError error={form.formState.errors.message} />
          </div>
          <div className="actions">
            <button type="submit">{t("peers.send")}</button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t("item.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
