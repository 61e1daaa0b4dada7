import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../../api/mentoring";
import type { Offer, OpenProgramme } from "../../api/mentoring";
import { topics as topicsApi } from "../../api/people";
import type { Topic } from "../../api/types";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";

interface OfferDraft {
  capacity: number;
  topics: number[];
  availability: string;
}

/** A leader: HR's invitations to mentor (accept with capacity, topics and availability, or
 * decline), my offers (pause and resume), and offering to mentor in a programme. */
export function MentorOffers() {
  const { t } = useI18n();
  const offers = useQuery(mentoringQueries.myOffers());
  const programmes = useQuery(mentoringQueries.openProgrammes());
  const topics = useQuery({ queryKey: ["people", "topics"], queryFn: topicsApi });
  const error = offers.error ?? programmes.error ?? topics.error;
  if (error) return <ErrorView error={error} />;
  if (!offers.data || !programmes.data || !topics.data) return <Loading />;
  const invited = offers.data.filter((o) => o.state === "invited");
  const active = offers.data.filter((o) => o.state === "active");
  const offered = new Set(offers.data.filter((o) => o.state !== "declined").map((o) => o.programme));
  const open = programmes.data.filter((p) => !offered.has(p.id));

  return (
    <Page title={t("hrround.mentor.title")}>
      <p>{t("hrround.mentor.intro")}</p>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t("hrround.mentor.invitations")}</h2>
        {invited.length === 0 ? <p>{t("hrround.mentor.noInvitations")}</p> : null}
        <ul className="items">
          {invited.map((offer) => (
            <li key={offer.id} className="card">
              <InvitationCard offer={offer} topics={topics.data} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="my-offers-heading">
        <h2 id="my-offers-heading">{t("hrround.mentor.offers")}</h2>
        {active.length === 0 ? <p>{t("hrround.mentor.noOffers")}</p> : null}
        <ul className="items">
          {active.map((offer) => (
            <li key={offer.id} className="card">
              <ActiveOffer offer={offer} topics={topics.data} />
            </li>
          ))}
        </ul>
      </section>
      {open.length > 0 ? (
        <section aria-labelledby="volunteer-heading">
          <h2 id="volunteer-heading">{t("hrround.mentor.volunteer")}</h2>
          <p>{t("hrround.mentor.volunteer.intro")}</p>
          <ul className="items">
            {open.map((programme) => (
              <li key={programme.id} className="card">
                <Volunteer programme={programme} topics={topics.data} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

function OfferFields({
  id,
  draft,
  setDraft,
  topics,
}: {
  id: string;
  draft: OfferDraft;
  setDraft: (draft: OfferDraft) => void;
  topics: Topic[];
}) {
  const { t, language } = useI18n();
  const toggle = (topicId: number) =>
    setDraft({
      ...draft,
      topics: draft.topics.includes(topicId)
        ? draft.topics.filter((x) => x !== topicId)
        : [...draft.topics, topicId],
    });
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-capacity`}>{t("hrround.mentor.capacity")}</label>
        <input
          id={`${id}-capacity`}
          type="number"
          min={1}
          max={10}
          required
          value={draft.capacity}
          onChange={(e) => setDraft({ ...draft, capacity: Number(e.target.value) })}
        />
      </div>
      <fieldset>
        <legend>{t("hrround.mentor.topics")}</legend>
        {topics.map((topic) => (
          <div key={topic.id}>
            <label>
              <input
                type="checkbox"
                checked={draft.topics.includes(topic.id)}
                onChange={() => toggle(topic.id)}
              />{" "}
              {language === "da" ? topic.label_da : topic.label_en}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-availability`}>{t("hrround.mentor.availability")}</label>
        <input
          id={`${id}-availability`}
          maxLength={400}
          value={draft.availability}
          onChange={(e) => setDraft({ ...draft, availability: e.target.value })}
          aria-describedby={`${id}-availability-d`}
        />
        <span id={`${id}-availability-d`} className="muted">
          {t("hrround.mentor.availability.d")}
        </span>
      </div>
    </>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mentoringKeys.all });
}

function InvitationCard({ offer, topics }: { offer: Offer; topics: Topic[] }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [draft, setDraft] = useState<OfferDraft>({ capacity: 1, topics: [], availability: "" });
  const answer = useMutation({
    mutationFn: (accept: boolean) => mentoring.invitationAnswer(offer.id, { accept, ...draft }),
    onSuccess: refresh,
  });
  const id = `invitation-${offer.id}`;
  return (
    <form
      className="form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        answer.mutate(true);
      }}
    >
      <h3 id={`${id}-title`}>{t("hrround.mentor.invitedTo", { programme: offer.programme_name })}</h3>
      <p>{t("hrround.mentor.invited.intro")}</p>
      <OfferFields id={id} draft={draft} setDraft={setDraft} topics={topics} />
      {answer.error ? <ErrorView error={answer.error} /> : null}
      <div className="actions">
        <button type="submit">{t("hrround.mentor.accept")}</button>
        <button type="button" className="secondary" onClick={() => answer.mutate(false)}>
          {t("hrround.mentor.decline")}
        </button>
      </div>
    </form>
  );
}

function ActiveOffer({ offer, topics }: { offer: Offer; topics: Topic[] }) {
  const { t, language } = useI18n();
  const refresh = useRefresh();
  const toggle = useMutation({
    mutationFn: () => mentoring.offerUpdate(offer.id, { paused: !offer.paused }),
    onSuccess: refresh,
  });
  const number = new Intl.NumberFormat(language);
  const names = topics
    .filter((topic) => offer.topics.includes(topic.id))
    .map((topic) => (language === "da" ? topic.label_da : topic.label_en));
  return (
    <>
      <h3>{offer.programme_name}</h3>
      <p>
        {t("hrround.offers.places", {
          taken: number.format(offer.active_count),
          capacity: number.format(offer.capacity ?? 1),
        })}
        {offer.paused ? ` – ${t("hrround.offers.paused")}` : ""}
      </p>
      {names.length > 0 ? <p>{t("hrround.mentor.helpsWith", { topics: names.join(", ") })}</p> : null}
      {toggle.error ? <ErrorView error={toggle.error} /> : null}
      <button type="button" className="secondary" onClick={() => toggle.mutate()}>
        {offer.paused ? t("hrround.mentor.resume") : t("hrround.mentor.pause")}
      </button>
    </>
  );
}

function Volunteer({ programme, topics }: { programme: OpenProgramme; topics: Topic[] }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [draft, setDraft] = useState<OfferDraft>({ capacity: 1, topics: [], availability: "" });
  const offer = useMutation({
    mutationFn: () => mentoring.offerVolunteer(programme.id, draft),
    onSuccess: refresh,
  });
  const id = `volunteer-${programme.id}`;
  return (
    <form
      className="form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        offer.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{programme.name}</h3>
      <OfferFields id={id} draft={draft} setDraft={setDraft} topics={topics} />
      {offer.error ? <ErrorView error={offer.error} /> : null}
      <button type="submit">{t("hrround.mentor.offer")}</button>
    </form>
  );
}
