import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { DirectoryCard, DirectoryQuery } from "../api/directory";
import { directoryQueries } from "../api/directory";
import { formRules } from "../api/formRules";
import * as peers from "../api/peers";
import { peersKeys, peersQueries } from "../api/peers";
import { FieldError } from "../components/FieldError";
import { Page } from "../components/Page";
import { DirectoryPrivacy } from "../components/Privacy";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";
import { SERVICE_TYPES, serviceKey } from "./hr/setup/RulesFields";

const MESSAGE = formRules.IntroductionCreateInputRequest.message;
type ServiceType = NonNullable<DirectoryQuery["service_type"]>;

/** Peers in other municipalities: the shared directory's cards, filters, and asking. */
export function PeersElsewhere() {
  const { t, number } = useI18n();
  const [service, setService] = useState<ServiceType | "">("");
  const [municipality, setMunicipality] = useState("");
  const query: DirectoryQuery = {
    ...(service ? { service_type: service } : {}),
    ...(municipality ? { municipality: Number(municipality) } : {}),
  };
  const state = useQuery(directoryQueries.directory(query));
  const introductions = useQuery(peersQueries.introductions());
  const asked = new Set(
    (introductions.data ?? [])
      .filter((i) => i.direction === "sent" && (i.status === "pending" || i.status === "accepted"))
      .map((i) => i.to_leader.id),
  );
  const data = state.data;
  const open = data?.organisation_opted_in && data.leader_opted_in;

  return (
    <Page title={t("xorg.title")}>
      <p>{t("xorg.intro")}</p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {data && !data.organisation_opted_in ? <p className="card">{t("xorg.orgOff")}</p> : null}
      {data && data.organisation_opted_in && !data.leader_opted_in ? (
        <p className="card">
          {t("xorg.meOff")} <Link to="/me/profile">{t("xorg.toProfile")}</Link>
        </p>
      ) : null}
      {data && open ? (
        <>
          <fieldset className="field filters">
            <legend>{t("xorg.filters")}</legend>
            <div className="field">
              <label htmlFor="xorg-service">{t("xorg.service")}</label>
              <select
                id="xorg-service"
                value={service}
                onChange={(e) => setService(e.target.value as ServiceType | "")}
              >
                <option value="">{t("xorg.serviceAny")}</option>
                {SERVICE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(serviceKey(type))}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="xorg-municipality">{t("xorg.municipality")}</label>
              <select
                id="xorg-municipality"
                value={municipality}
                onChange={(e) => setMunicipality(e.target.value)}
              >
                <option value="">{t("xorg.municipalityAny")}</option>
                {data.municipalities.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
          <p role="status">
            {data.count === 1
              ? t("xorg.countOne")
              : t("xorg.count", { count: number(data.count, 0) })}
          </p>
          {data.count === 0 ? <p>{t("xorg.none")}</p> : null}
          <ul className="items">
            {data.results.map((card) => (
              <li key={card.id}>
                <Card card={card} asked={asked.has(card.id)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <aside className="card" aria-labelledby="xorg-privacy">
        <h2 id="xorg-privacy">{t("xorg.privacy.title")}</h2>
        <DirectoryPrivacy id="xorg-privacy-rules" heading={false} />
      </aside>
    </Page>
  );
}

function Card({ card, asked }: { card: DirectoryCard; asked: boolean }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const form = useForm({ defaultValues: { message: "" } });
  const ask = useMutation({
    mutationFn: (message: string) => peers.introductionRequest(card.id, message),
    onSuccess: () => {
      setAsking(false);
      return queryClient.invalidateQueries({ queryKey: peersKeys.introductions() });
    },
    onError: (error) => setServerErrors(error, form.setError, ["message"]),
  });
  const titleId = `xorg-card-${card.id}`;
  const topics = card.ask_me_about.map((label) => (language === "en" ? label.en : label.da));
  const onSubmit = form.handleSubmit(({ message }) => ask.mutate(message));
  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{card.name}</h2>
      <p className="muted">
        {[card.role_title, t(serviceKey(card.service_type)), card.municipality]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <p>
        <strong>{t("xorg.askMe")}</strong> {topics.length ? topics.join(", ") : t("xorg.askMeNone")}
      </p>
      {card.reasons.length ? (
        <>
          <h3>{t("xorg.why", { name: card.name })}</h3>
          <ul>
            {card.reasons.map((reason) => (
              <li key={reason.code}>{language === "en" ? reason.en : reason.da}</li>
            ))}
          </ul>
        </>
      ) : null}
      {ask.error ? <ErrorView error={ask.error} /> : null}
      {ask.isSuccess ? (
        <p className="ok" role="status">
          {t("xorg.sent", { name: card.name })}{" "}
          <Link to="/peers/introductions">{t("xorg.introductions")}</Link>
        </p>
      ) : null}
      {asked && !ask.isSuccess ? (
        <p className="ok">
          {t("xorg.asked")} · <Link to="/peers/introductions">{t("xorg.introductions")}</Link>
        </p>
      ) : null}
      {!ask.isSuccess && !asked && !asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {t("xorg.ask")}
        </button>
      ) : null}
      {asking ? (
        <form onSubmit={onSubmit} className="form">
          <div className="field">
            <label htmlFor={`xorg-intro-${card.id}`}>{t("xorg.message", { name: card.name })}</label>
            <textarea
              id={`xorg-intro-${card.id}`}
              rows={3}
              maxLength={MESSAGE.maxLength}
              {...form.register("message", MESSAGE)}
            />
            <FieldError error={form.formState.errors.message} />
          </div>
          <div className="actions">
            <button type="submit" disabled={ask.isPending}>
              {t("xorg.send")}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t("xorg.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
