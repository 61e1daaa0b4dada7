import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import * as people from "../api/people";
import type { SupportNeed, Topic, Weight } from "../api/types";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { useLoad } from "../useLoad";
import { NotFound } from "./NotFound";

const WEIGHTS: Weight[] = [1, 2, 3];
const WEIGHT_TEXT: Record<Weight, MessageKey> = {
  1: "needs.weight.1",
  2: "needs.weight.2",
  3: "needs.weight.3",
};
type NeedStatus = NonNullable<SupportNeed["status"]>;
const STATUS_TEXT: Record<NeedStatus, MessageKey> = {
  open: "needs.status.open",
  met: "needs.status.met",
  withdrawn: "needs.status.withdrawn",
};

/** Who can see what, in plain words, on every support-need screen. */
function PrivacyNote() {
  const { t } = useI18n();
  return (
    <aside className="card privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t("needs.privacy.title")}</h2>
      <ul>
        <li>{t("needs.privacy.you")}</li>
        <li>{t("needs.privacy.hr")}</li>
        <li>{t("needs.privacy.boss")}</li>
      </ul>
    </aside>
  );
}

function WeightField({ value, onChange }: { value: Weight; onChange: (w: Weight) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="field">
      <legend>{t("needs.weight")}</legend>
      {WEIGHTS.map((weight) => (
        <label key={weight} className="choice">
          <input
            type="radio"
            name="weight"
            value={weight}
            checked={value === weight}
            onChange={() => onChange(weight)}
          />
          {t(WEIGHT_TEXT[weight])}
        </label>
      ))}
    </fieldset>
  );
}

function fieldErrors(error: unknown, field: string): string[] {
  return error instanceof ApiError ? error.messages(field) : [];
}

/** The new leader's own support needs: private, stated in their own words. */
export function SupportNeeds() {
  const { t, language } = useI18n();
  const [state, reload] = useLoad(
    () => Promise.all([people.mySupportNeeds(), people.topics()]),
    `needs-${language}`,
  );
  return (
    <Page title={t("needs.title")}>
      <p>{t("needs.intro")}</p>
      <PrivacyNote />
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <ErrorView error={state.error} /> : null}
      {state.status === "ready" ? (
        <>
          <h2>{t("needs.list")}</h2>
          {state.data[0].length === 0 ? (
            <p>{t("needs.none")}</p>
          ) : (
            <ul className="needs">
              {state.data[0].map((need) => (
                <li key={need.id} className="card">
                  <Link to={`${need.id}`}>
                    {language === "en" ? need.topic.label_en : need.topic.label_da}
                  </Link>
                  <span>
                    {" · "}
                    {t(WEIGHT_TEXT[need.weight ?? 2])}
                    {" · "}
                    {t(STATUS_TEXT[need.status ?? "open"])}
                    {need.has_note ? ` · ${t("needs.hasNote")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <NeedCreateForm topics={state.data[1]} onCreated={reload} />
        </>
      ) : null}
    </Page>
  );
}

function NeedCreateForm({ topics, onCreated }: { topics: Topic[]; onCreated: () => void }) {
  const { t, language } = useI18n();
  const [topic, setTopic] = useState("");
  const [weight, setWeight] = useState<Weight>(2);
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState("");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await people.supportNeedCreate({ topic: Number(topic), weight, note });
      setTopic("");
      setNote("");
      setSaved(t("needs.saved"));
      onCreated();
    } catch (caught) {
      setError(caught);
    }
  }

  const topicErrors = fieldErrors(error, "topic");
  return (
    <form onSubmit={onSubmit} className="card form" aria-labelledby="need-new">
      <h2 id="need-new">{t("needs.new")}</h2>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="need-topic">{t("needs.topic")}</label>
        <select
          id="need-topic"
          value={topic}
          required
          onChange={(e) => setTopic(e.target.value)}
          aria-describedby={topicErrors.length ? "need-topic-error" : undefined}
        >
          <option value="">{t("needs.chooseTopic")}</option>
          {topics.map((option) => (
            <option key={option.id} value={option.id}>
              {language === "en" ? option.label_en : option.label_da}
            </option>
          ))}
        </select>
        {topicErrors.length ? (
          <p id="need-topic-error" className="error">
            {topicErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <WeightField value={weight} onChange={setWeight} />
      <div className="field">
        <label htmlFor="need-note">{t("needs.note")}</label>
        <textarea
          id="need-note"
          rows={3}
          maxLength={4000}
          value={note}
          aria-describedby="need-note-hint"
          onChange={(e) => setNote(e.target.value)}
        />
        <p id="need-note-hint" className="muted small">
          {t("needs.noteHint")}
        </p>
      </div>
      {error && !(error instanceof ApiError && error.status === 400) ? (
        <ErrorView error={error} />
      ) : null}
      <button type="submit">{t("needs.add")}</button>
    </form>
  );
}

/** One of my support needs: change how much help I want, my note, or close it. */
export function SupportNeedDetail() {
  const { t, language } = useI18n();
  const needId = Number(useParams().needId);
  const navigate = useNavigate();
  const [state] = useLoad(() => people.mySupportNeed(needId), `need-${needId}`);
  const [weight, setWeight] = useState<Weight | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [status, setStatus] = useState<NeedStatus | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);

  if (!Number.isInteger(needId)) return <NotFound />;
  if (state.status === "error") return <ErrorView error={state.error} />;
  if (state.status === "loading") return <Loading />;
  const need = state.data;
  const label = language === "en" ? need.topic.label_en : need.topic.label_da;

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await people.supportNeedUpdate(needId, {
        weight: weight ?? need.weight,
        note: note ?? need.note ?? "",
        status: status ?? need.status,
      });
      setMessage(t("needs.saved"));
    } catch (caught) {
      setError(caught);
    }
  }

  async function onDelete() {
    if (!window.confirm(t("needs.deleteConfirm"))) return;
    try {
      await people.supportNeedDelete(needId);
      navigate("/me/support-needs");
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Page title={t("needs.detail.title", { topic: label })}>
      <p>
        <Link to="/me/support-needs">{t("needs.back")}</Link>
      </p>
      <PrivacyNote />
      <form onSubmit={onSave} className="card form">
        <p role="status" className="ok">
          {message}
        </p>
        <WeightField value={weight ?? need.weight ?? 2} onChange={setWeight} />
        <div className="field">
          <label htmlFor="need-note">{t("needs.note")}</label>
          <textarea
            id="need-note"
            rows={4}
            maxLength={4000}
            value={note ?? need.note ?? ""}
            aria-describedby="need-note-hint"
            onChange={(e) => setNote(e.target.value)}
          />
          <p id="need-note-hint" className="muted small">
            {t("needs.noteHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="need-status">{t("needs.status")}</label>
          <select
            id="need-status"
            value={status ?? need.status ?? "open"}
            onChange={(e) => setStatus(e.target.value as NeedStatus)}
          >
            {(Object.keys(STATUS_TEXT) as NeedStatus[]).map((value) => (
              <option key={value} value={value}>
                {t(STATUS_TEXT[value])}
              </option>
            ))}
          </select>
        </div>
        {error ? <ErrorView error={error} /> : null}
        <div className="actions">
          <button type="submit">{t("needs.save")}</button>
          <button type="button" className="secondary" onClick={onDelete}>
            {t("needs.delete")}
          </button>
        </div>
      </form>
    </Page>
  );
}
