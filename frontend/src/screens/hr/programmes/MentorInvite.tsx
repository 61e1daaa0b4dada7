import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as mentoring from "../../../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../../../api/mentoring";
import type { CandidateCriteria, Offer } from "../../../api/mentoring";
import { administrations } from "../../../api/people";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";
import { OFFER_STATE } from "./shared";

/** HR: find leaders by criteria and invite them to mentor; each answers in their own session. */
export function MentorInvite({ programmeId }: { programmeId: number }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [criteria, setCriteria] = useState<CandidateCriteria>({
    min_years: 5,
    exclude_first_year: true,
    exclude_mentees: true,
  });
  const [draft, setDraft] = useState(criteria);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState("");
  const [sent, setSent] = useState<number | null>(null);
  const admins = useQuery({ queryKey: ["people", "administrations"], queryFn: administrations });
  const candidates = useQuery({
    queryKey: [...mentoringKeys.programme(programmeId), "candidates", criteria],
    queryFn: () => mentoring.mentorCandidates(programmeId, criteria),
  });
  const invite = useMutation({
    mutationFn: () => mentoring.mentorInvite(programmeId, [...chosen], reason),
    onSuccess: (offers) => {
      setSent(offers.length);
      setChosen(new Set());
      setReason("");
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) });
    },
  });
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const rows = candidates.data ?? [];
  const needsReason = rows.some((c) => chosen.has(c.leader.id) && (c.first_year || c.mentee));
  const toggle = (id: number) =>
    setChosen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">{t("hrround.invite.title")}</h2>
      <p>{t("hrround.invite.intro")}</p>
      <form
        className="form"
        aria-label={t("hrround.invite.criteria")}
        onSubmit={(event) => {
          event.preventDefault();
          setCriteria(draft);
        }}
      >
        <div className="field">
          <label htmlFor="invite-years">{t("hrround.invite.minYears")}</label>
          <input
            id="invite-years"
            type="number"
            min={0}
            max={60}
            value={draft.min_years ?? 0}
            onChange={(e) => setDraft({ ...draft, min_years: Number(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-admin">{t("hrround.invite.administration")}</label>
          <select
            id="invite-admin"
            value={draft.administration ?? ""}
            onChange={(e) =>
              setDraft({
                ...draft,
                administration: e.target.value ? Number(e.target.value) : undefined,
              })
            }
          >
            <option value="">{t("hrround.invite.allAdministrations")}</option>
            {(admins.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input
            type="checkbox"
            checked={draft.exclude_first_year ?? true}
            onChange={(e) => setDraft({ ...draft, exclude_first_year: e.target.checked })}
          />{" "}
          {t("hrround.invite.notFirstYear")}
        </label>
        <br />
        <label>
          <input
            type="checkbox"
            checked={draft.exclude_mentees ?? true}
            onChange={(e) => setDraft({ ...draft, exclude_mentees: e.target.checked })}
          />{" "}
          {t("hrround.invite.notMentee")}
        </label>
        <div className="actions">
          <button type="submit" className="secondary">
            {t("hrround.invite.find")}
          </button>
        </div>
      </form>
      {candidates.isPending ? <Loading /> : null}
      {candidates.error ? <ErrorView error={candidates.error} /> : null}
      {candidates.isSuccess ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen.size > 0) invite.mutate();
          }}
        >
          <fieldset>
            <legend>
              {t("hrround.invite.found", { count: new Intl.NumberFormat(language).format(rows.length) })}
            </legend>
            {rows.length === 0 ? <p>{t("hrround.invite.noneFound")}</p> : null}
            <ul className="items">
              {rows.map((c) => (
                <li key={c.leader.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(c.leader.id)}
                      disabled={c.offer_state === "active" || c.offer_state === "invited"}
                      onChange={() => toggle(c.leader.id)}
                    />{" "}
                    {c.leader.name}, {c.leader.role_title}
                    {c.leader.administration ? `, ${c.leader.administration}` : ""} –{" "}
                    {t("hrround.invite.years", { years: number.format(c.years_as_leader) })}
                    {c.first_year ? ` – ${t("hrround.invite.firstYear")}` : ""}
                    {c.mentee ? ` – ${t("hrround.invite.isMentee")}` : ""}
                    {c.offer_state ? ` – ${t(OFFER_STATE[c.offer_state]!)}` : ""}
                    {!c.has_login ? ` – ${t("hrround.invite.noLogin")}` : ""}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {needsReason ? (
            <div className="field">
              <label htmlFor="invite-override">{t("hrround.invite.override")}</label>
              <input
                id="invite-override"
                required
                maxLength={400}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          ) : null}
          {invite.error ? <ErrorView error={invite.error} /> : null}
          <div role="status" aria-live="polite">
            {sent !== null ? <p>{t("hrround.invite.sent", { count: sent })}</p> : null}
          </div>
          <button type="submit" disabled={chosen.size === 0}>
            {t("hrround.invite.send", { count: chosen.size })}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** HR: the programme's mentors: invited, accepted (capacity, places taken, paused) or declined;
 * HR pauses or resumes an offer for the mentor. */
export function OfferList({ programmeId }: { programmeId: number }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const offers = useQuery(mentoringQueries.offers(programmeId));
  const pause = useMutation({
    mutationFn: (offer: Offer) => mentoring.offerUpdate(offer.id, { paused: !offer.paused }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) }),
  });
  const number = new Intl.NumberFormat(language);
  const line = (o: Offer) =>
    o.state === "active"
      ? t("hrround.offers.places", {
          taken: number.format(o.active_count),
          capacity: number.format(o.capacity ?? 1),
        }) + (o.paused ? ` – ${t("hrround.offers.paused")}` : "")
      : t(OFFER_STATE[o.state ?? "active"]!);
  return (
    <section aria-labelledby="offers-heading" className="card">
      <h2 id="offers-heading">{t("hrround.offers.title")}</h2>
      {offers.isPending ? <Loading /> : null}
      {offers.error ? <ErrorView error={offers.error} /> : null}
      {offers.isSuccess && offers.data.length === 0 ? <p>{t("hrround.offers.none")}</p> : null}
      {pause.error ? <ErrorView error={pause.error} /> : null}
      <ul className="items">
        {(offers.data ?? []).map((o) => (
          <li key={o.id}>
            <strong>{o.leader.name}</strong>, {o.leader.role_title}: {line(o)}
            {o.availability ? (
              <span className="muted"> – {t("hrround.offers.availability", { text: o.availability })}</span>
            ) : null}
            {o.state === "active" ? (
              <>
                {" "}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => pause.mutate(o)}
                  aria-label={t(o.paused ? "hrround.offers.resumeNamed" : "hrround.offers.pauseNamed", {
                    name: o.leader.name,
                  })}
                >
                  {o.paused ? t("hrround.offers.resume") : t("hrround.offers.pause")}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
