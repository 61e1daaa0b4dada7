/**
 * "Help from the staff functions": the whole catalogue of the staff functions' offers, by topic,
 * staff function or words, and a short request for one (`/help`, `/help?offer=ID` from a plan
 * item's "Request this help").
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import * as catalogue from "../../api/catalogue";
import { ApiError } from "../../api/client";
import { catalogueKeys, catalogueQueries } from "../../api/catalogue";
import type { Offer } from "../../api/catalogue";
import { formRules } from "../../api/formRules";
import { peopleQueries } from "../../api/people";
import type { Topic } from "../../api/types";
import { FieldError } from "../../components/FieldError";
import { Page } from "../../components/Page";
import { StaffRequestPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";
import { OfferFacts, offerDescription, offerTitle, topicLabel } from "./shared";

export function HelpCatalogue() {
  const { t, language } = useI18n();
  const offers = useQuery(catalogueQueries.offers());
  const topics = useQuery(peopleQueries.topics());
  const [params] = useSearchParams();
  const chosen = Number(params.get("offer")) || null;
  const [topicId, setTopicId] = useState("");
  const [functionId, setFunctionId] = useState("");
  const [query, setQuery] = useState("");
  const error = offers.error ?? topics.error;

  const functions = useMemo(() => {
    const byId = new Map<number, string>();
    for (const offer of offers.data ?? []) byId.set(offer.staff_function.id, offer.staff_function.name);
    return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1], language));
  }, [offers.data, language]);
  const used = (topics.data ?? []).filter((topic) =>
    (offers.data ?? []).some((offer) => offer.topic_ids.includes(topic.id)),
  );
  const needle = query.trim().toLowerCase();
  const shown = (offers.data ?? []).filter(
    (offer) =>
      offer.id === chosen ||
      ((!topicId || offer.topic_ids.includes(Number(topicId))) &&
        (!functionId || offer.staff_function.id === Number(functionId)) &&
        (!needle ||
          [offer.title_da, offer.title_en, offer.description_da, offer.description_en]
            .join(" ")
            .toLowerCase()
            .includes(needle))),
  );

  return (
    <Page title={t("cat.title")}>
      <p>{t("cat.intro")}</p>
      <p>
        <Link to="/help/requests">{t("cat.myRequests.link")}</Link>
      </p>
      {error ? <ErrorView error={error} /> : null}
      {offers.isPending || topics.isPending ? <Loading /> : null}
      {offers.isSuccess && topics.isSuccess ? (
        <>
          <search className="filters card" aria-label={t("cat.filters")}>
            <div className="field">
              <label htmlFor="cat-topic">{t("cat.filter.topic")}</label>
              <select id="cat-topic" value={topicId} onChange={(e) => setTopicId(e.target.value)}>
                <option value="">{t("cat.filter.allTopics")}</option>
                {used.map((topic) => (
                  <option key={topic.id} value={topic.id}>
                    {topicLabel(topic, language)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cat-function">{t("cat.filter.function")}</label>
              <select
                id="cat-function"
                value={functionId}
                onChange={(e) => setFunctionId(e.target.value)}
              >
                <option value="">{t("cat.filter.allFunctions")}</option>
                {functions.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cat-search">{t("cat.filter.search")}</label>
              <input
                id="cat-search"
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          </search>
          <p role="status" className="muted small">
            {t("cat.count", { count: shown.length })}
          </p>
          {offers.data.length === 0 ? <p>{t("cat.empty")}</p> : null}
          <ul className="contacts">
            {shown.map((offer) => (
              <OfferCard
                key={offer.id}
                offer={offer}
                topics={topics.data}
                open={offer.id === chosen}
              />
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

function OfferCard({ offer, topics, open }: { offer: Offer; topics: Topic[]; open: boolean }) {
  const { t, language } = useI18n();
  const [asking, setAsking] = useState(open);
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (open) card.current?.scrollIntoView?.({ block: "start" });
  }, [open]);
  const title = offerTitle(offer, language);
  const headingId = `offer-${offer.id}`;
  return (
    <li className="card" ref={card} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted small">{offer.staff_function.name}</p>
      {offerDescription(offer, language) ? <p>{offerDescription(offer, language)}</p> : null}
      <OfferFacts offer={offer} topics={topics} />
      {asking ? (
        <RequestForm offer={offer} onCancel={() => setAsking(false)} />
      ) : (
        <button
          type="button"
          onClick={() => setAsking(true)}
          aria-label={t("cat.request.for", { title })}
        >
          {t("cat.request.open")}
        </button>
      )}
    </li>
  );
}

type RequestValues = { message: string; desired_timing: string };

function RequestForm({ offer, onCancel }: { offer: Offer; onCancel: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const form = useForm<RequestValues>({ defaultValues: { message: "", desired_timing: "" } });
  const { errors } = form.formState;
  const rules = formRules.StaffOfferRequestInputRequest;
  const send = useMutation({
    mutationFn: (values: RequestValues) => catalogue.offerRequest(offer.id, values),
    onSuccess: () => {
      setSent(true);
      return queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, ["message", "desired_timing"]),
  });
  const id = `request-${offer.id}`;
  if (sent) {
    return (
      <p role="status" className="ok">
        {t("cat.request.sent")} <Link to="/help/requests">{t("cat.myRequests.link")}</Link>
      </p>
    );
  }
  return (
    <form
      className="form"
      aria-label={t("cat.request.for", { title: offerTitle(offer, language) })}
      onSubmit={form.handleSubmit((values) => send.mutate(values))}
    >
      <div className="field">
        <label htmlFor={`${id}-message`}>{t("cat.request.message")}</label>
        <textarea
          id={`${id}-message`}
          rows={3}
          aria-describedby={`${id}-privacy`}
          {...form.register("message", rules.message)}
        />
        <FieldError error={errors.message} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-timing`}>{t("cat.request.timing")}</label>
        <input id={`${id}-timing`} {...form.register("desired_timing", rules.desired_timing)} />
        <FieldError error={errors.desired_timing} />
      </div>
      <StaffRequestPrivacy id={`${id}-privacy`} />
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {send.error && !(send.error instanceof ApiError && send.error.status === 400) ? (
        <ErrorView error={send.error} />
      ) : null}
      <div className="actions">
        <button type="submit" disabled={send.isPending}>
          {t("cat.request.send")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("cat.request.cancel")}
        </button>
      </div>
    </form>
  );
}
