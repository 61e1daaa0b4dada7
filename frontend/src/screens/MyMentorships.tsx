import { useState } from "react";
import type { FormEvent } from "react";
import * as mentoring from "../api/mentoring";
import type { Mentorship } from "../api/mentoring";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useLoad } from "../useLoad";

/** My active mentorships (as mentor: my mentees; as mentee: my mentor), and logging a meeting. */
export function MyMentorships() {
  const { t } = useI18n();
  const [state, reload] = useLoad(mentoring.mentorships, "mentorships");
  return (
    <Page title={t("pairs.title")}>
      <p>{t("pairs.intro")}</p>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <ErrorView error={state.error} /> : null}
      {state.status === "ready" ? (
        state.data.length === 0 ? (
          <p>{t("pairs.none")}</p>
        ) : (
          <ul className="items">
            {state.data.map((pair) => (
              <li key={pair.id}>
                <PairCard pair={pair} onLogged={reload} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Page>
  );
}

function PairCard({ pair, onLogged }: { pair: Mentorship; onLogged: () => void }) {
  const { t, date } = useI18n();
  const me = useMe();
  const asMentor = pair.mentor.id === me.leader_id;
  const other = asMentor ? pair.mentee : pair.mentor;
  const [metOn, setMetOn] = useState(new Date().toISOString().slice(0, 10));
  const [minutes, setMinutes] = useState("60");
  const [note, setNote] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState("");
  const titleId = `pair-${pair.id}`;
  const id = (name: string) => `pair-${pair.id}-${name}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await mentoring.checkInLog(pair.id, {
        met_on: metOn,
        minutes: Number(minutes),
        note,
        note_shared: shared,
      });
      setNote("");
      setSaved(t("pairs.logged", { date: date(metOn) }));
      onLogged();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <article className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(asMentor ? "pairs.yourMentee" : "pairs.yourMentor", { name: other.name })}
      </h2>
      <p className="muted">
        {[other.role_title, other.unit, other.administration].filter(Boolean).join(" · ")}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("pairs.started")}</dt>
          <dd>{date(pair.started_on)}</dd>
        </div>
        <div>
          <dt>{t("pairs.lastMet")}</dt>
          <dd>{pair.last_met_on ? date(pair.last_met_on) : t("pairs.notYet")}</dd>
        </div>
      </dl>
      <p role="status" className="ok">
        {saved}
      </p>
      <form onSubmit={onSubmit} className="form" aria-labelledby={id("form")}>
        <h3 id={id("form")}>{t("pairs.log")}</h3>
        <div className="field">
          <label htmlFor={id("date")}>{t("pairs.metOn")}</label>
          <input
            id={id("date")}
            type="date"
            required
            value={metOn}
            onChange={(e) => setMetOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id("minutes")}>{t("pairs.minutes")}</label>
          <input
            id={id("minutes")}
            type="number"
            min={1}
            max={1440}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id("note")}>{t("pairs.note")}</label>
          <textarea
            id={id("note")}
            rows={3}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <label className="choice">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          {t("pairs.share")}
        </label>
        {error ? <ErrorView error={error} /> : null}
        <div className="actions">
          <button type="submit">{t("pairs.save")}</button>
        </div>
      </form>
    </article>
  );
}
