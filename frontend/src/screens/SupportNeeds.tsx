import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/client";
import { formRules } from "../api/formRules";
import * as people from "../api/people";
import { peopleKeys, peopleQueries } from "../api/people";
import type { SupportNeed, SupportNeedDetail as Need, Topic, Weight } from "../api/types";
import { Page } from "../components/Page";
import { NeedsPrivacy, NoteHint } from "../components/Privacy";
import { FieldError } from "../components/FieldError";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
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

/** The new leader's own support needs: private, stated in their own words. */
export function SupportNeeds() {
  const { t, language } = useI18n();
  const needs = useQuery(peopleQueries.mySupportNeeds());
  const topics = useQuery(peopleQueries.topics());
  const error = needs.error ?? topics.error;
  return (
    <Page title={t("needs.title")}>
      <p>{t("needs.intro")}</p>
      <NeedsPrivacy />
      {needs.isPending || topics.isPending ? <Loading /> : null}
      {error ? <ErrorView error={error} /> : null}
      {needs.isSuccess && topics.isSuccess ? (
        <>
          <h2>{t("needs.list")}</h2>
          {needs.data.length === 0 ? (
            <p>{t("needs.none")}</p>
          ) : (
            <ul className="needs">
              {needs.data.map((need) => (
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
                    {need.shared_with_mentor ? ` · ${t("needs.shared")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <NeedCreateForm topics={topics.data} />
        </>
      ) : null}
    </Page>
  );
}

type NewNeed = { topic: string; weight: Weight; note: string };

function NeedCreateForm({ topics }: { topics: Topic[] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const form = useForm<NewNeed>({ defaultValues: { topic: "", weight: 2, note: "" } });
  const { errors } = form.formState;
  const create = useMutation({
    mutationFn: (values: NewNeed) =>
      people.supportNeedCreate({ topic: Number(values.topic), weight: values.weight, note: values.note }),
    onSuccess: () => {
      form.reset({ topic: "", weight: form.getValues("weight"), note: "" });
      setSaved(t("needs.saved"));
      return queryClient.invalidateQueries({ queryKey: peopleKeys.needs() });
    },
    onError: (error) => setServerErrors(error, form.setError, ["topic", "weight", "note"]),
  });
  const onSubmit = form.handleSubmit((values) => create.mutate(values));
  // A 400 is shown on the form (setServerErrors); anything else as a failed request.
  const failed = create.error instanceof ApiError && create.error.status === 400 ? null : create.error;

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
          required
          aria-describedby={errors.topic ? "need-topic-error" : undefined}
          {...form.register("topic", NEW_NEED.topic)}
        >
          <option value="">{t("needs.chooseTopic")}</option>
          {topics.map((option) => (
            <option key={option.id} value={option.id}>
              {language === "en" ? option.label_en : option.label_da}
            </option>
          ))}
        </select>
        <FieldError error={errors.topic} id="need-topic-error" className="error" />
      </div>
      <Controller
        control={form.control}
        name="weight"
        render={({ field }) => <WeightField value={field.value} onChange={field.onChange} />}
      />
      <div className="field">
        <label htmlFor="need-note">{t("needs.note")}</label>
        <textarea
          id="need-note"
          rows={3}
          maxLength={NEW_NEED.note.maxLength}
          aria-describedby="need-note-hint"
          {...form.register("note", NEW_NEED.note)}
        />
        <NoteHint id="need-note-hint" />
        <FieldError error={errors.note} className="error" />
      </div>
      {errors.root?.server ? <ServerMessage message={errors.root.server.message} /> : null}
      {failed ? <ErrorView error={failed} /> : null}
      <button type="submit">{t("needs.add")}</button>
    </form>
  );
}

/** The API's words for what it refused (a 400 that names no field on the form). */
function ServerMessage({ message }: { message: string | undefined }) {
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

const NEW_NEED = formRules.SupportNeedCreateInputRequest;
const NEED_CHANGES = formRules.PatchedSupportNeedUpdateInputRequest;

/** One of my support needs: change how much help I want, my note, or close it. */
export function SupportNeedDetail() {
  const needId = Number(useParams().needId);
  const need = useQuery({ ...peopleQueries.mySupportNeed(needId), enabled: Number.isInteger(needId) });
  if (!Number.isInteger(needId)) return <NotFound />;
  if (need.isError) return <ErrorView error={need.error} />;
  if (need.isPending) return <Loading />;
  return <NeedEditForm need={need.data} />;
}

type NeedChanges = { weight: Weight; note: string; status: NeedStatus; shared_with_mentor: boolean };

function NeedEditForm({ need }: { need: Need }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const label = language === "en" ? need.topic.label_en : need.topic.label_da;
  const form = useForm<NeedChanges>({
    defaultValues: {
      weight: need.weight ?? 2,
      note: need.note ?? "",
      status: need.status ?? "open",
      shared_with_mentor: need.shared_with_mentor ?? false,
    },
  });
  const save = useMutation({
    mutationFn: (changes: NeedChanges) => people.supportNeedUpdate(need.id, changes),
    onSuccess: () => {
      setMessage(t("needs.saved"));
      return queryClient.invalidateQueries({ queryKey: peopleKeys.needs() });
    },
  });
  const remove = useMutation({
    mutationFn: () => people.supportNeedDelete(need.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: peopleKeys.need(need.id) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.needs() });
      navigate("/me/support-needs");
    },
  });
  const error = save.error ?? remove.error;

  function onDelete() {
    if (!window.confirm(t("needs.deleteConfirm"))) return;
    remove.mutate();
  }

  return (
    <Page title={t("needs.detail.title", { topic: label })}>
      <p>
        <Link to="/me/support-needs">{t("needs.back")}</Link>
      </p>
      <NeedsPrivacy />
      <form onSubmit={form.handleSubmit((changes) => save.mutate(changes))} className="card form">
        <p role="status" className="ok">
          {message}
        </p>
        <Controller
          control={form.control}
          name="weight"
          render={({ field }) => <WeightField value={field.value} onChange={field.onChange} />}
        />
        <div className="field">
          <label htmlFor="need-note">{t("needs.note")}</label>
          <textarea
            id="need-note"
            rows={4}
            maxLength={NEED_CHANGES.note.maxLength}
            aria-describedby="need-note-hint"
            {...form.register("note", NEED_CHANGES.note)}
          />
          <NoteHint id="need-note-hint" />
        </div>
        <div className="field">
          <label className="choice" htmlFor="need-shared">
            <input
              id="need-shared"
              type="checkbox"
              aria-describedby="need-shared-hint"
              {...form.register("shared_with_mentor")}
            />
            {t("needs.share")}
          </label>
          <p id="need-shared-hint" className="muted small">
            {t("needs.shareHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="need-status">{t("needs.status")}</label>
          <select id="need-status" {...form.register("status")}>
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
