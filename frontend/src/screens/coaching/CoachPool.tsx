/** HR's coach pool: add internal (a leader) and external coaches, edit, pause and activate. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import * as coaching from "../../api/coaching";
import type { Coach, CoachKind } from "../../api/coaching";
import { coachingKeys, coachingQueries } from "../../api/coaching";
import { formRules } from "../../api/formRules";
import { peopleQueries } from "../../api/people";
import { templateQueries } from "../../api/templates";
import { FieldError } from "../../components/FieldError";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";

const RULES = formRules.CoachInputRequest;

export function CoachPool() {
  const { t } = useI18n();
  const pool = useQuery(coachingQueries.pool());
  const forbidden = pool.error instanceof ApiError && pool.error.status === 403;
  return (
    <Page title={t("coach.pool.title")}>
      <p>{t("coach.pool.intro")}</p>
      <p>
        <Link to="/hr/coaching/requests">{t("coach.queue.title")}</Link>
      </p>
      {pool.isPending ? <Loading /> : null}
      {forbidden ? <p role="alert">{t("coach.queue.forbidden")}</p> : null}
      {pool.error && !forbidden ? <ErrorView error={pool.error} /> : null}
      {pool.data?.length === 0 ? <p>{t("coach.pool.none")}</p> : null}
      <ul className="plain">
        {pool.data?.map((coach) => (
          <CoachRow key={coach.id} coach={coach} />
        ))}
      </ul>
      {pool.isSuccess ? <CoachForm /> : null}
    </Page>
  );
}

function CoachRow({ coach }: { coach: Coach }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const toggle = useMutation({
    mutationFn: () =>
      coaching.coachUpdate(coach.id, { status: coach.status === "active" ? "paused" : "active" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coachingKeys.all }),
  });
  const headingId = `coach-${coach.id}`;
  return (
    <li>
      <article className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>{coach.name}</h2>
        <p className="muted">
          {t(coach.kind === "internal" ? "coach.kind.internal" : "coach.kind.external")}
          {coach.firm ? ` · ${coach.firm}` : ""}
          {coach.administration ? ` · ${coach.administration}` : ""} ·{" "}
          {t(coach.status === "active" ? "coach.pool.active" : "coach.pool.paused")}
        </p>
        <p>
          {[coach.email, coach.phone].filter(Boolean).join(" · ")} ·{" "}
          {t("coach.queue.places", { taken: coach.coaching_now, capacity: coach.capacity })}
        </p>
        {coach.topics.length > 0 ? <p>{coach.topics.map((x) => x.name).join(", ")}</p> : null}
        {coach.specialities ? <p>{coach.specialities}</p> : null}
        {toggle.error ? <ErrorView error={toggle.error} /> : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(!editing)}>
            {t("coach.pool.edit", { name: coach.name })}
          </button>
          <button type="button" className="secondary" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
            {coach.status === "active" ? t("coach.pool.pause") : t("coach.pool.activate")}
          </button>
        </div>
        {editing ? <CoachForm coach={coach} onDone={() => setEditing(false)} /> : null}
      </article>
    </li>
  );
}

type Values = {
  kind: CoachKind;
  leader: string;
  name: string;
  firm: string;
  email: string;
  phone: string;
  capacity: number;
  topics: string[];
  specialities: string;
  languages: ("da" | "en")[];
};

function defaults(coach?: Coach): Values {
  return {
    kind: coach?.kind ?? "external",
    leader: coach?.leader ? String(coach.leader) : "",
    name: coach?.kind === "external" ? coach.name : "",
    firm: coach?.kind === "external" ? coach.firm : "",
    email: coach?.kind === "external" ? coach.email : "",
    phone: coach?.kind === "external" ? coach.phone : "",
    capacity: coach?.capacity ?? 2,
    topics: coach?.topics.map((x) => String(x.id)) ?? [],
    specialities: coach?.specialities ?? "",
    languages: (coach?.languages as ("da" | "en")[] | undefined) ?? ["da"],
  };
}

const FIELDS = ["kind", "leader", "name", "firm", "email", "phone", "capacity", "topics", "specialities", "languages"] as const;

function CoachForm({ coach, onDone }: { coach?: Coach; onDone?: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const [search, setSearch] = useState("");
  const topics = useQuery(peopleQueries.topics());
  const leaders = useQuery({ ...templateQueries.leaders(search), enabled: search.length >= 2 });
  const form = useForm<Values>({ defaultValues: defaults(coach) });
  const kind = useWatch({ control: form.control, name: "kind" });
  const { errors } = form.formState;
  const prefix = coach ? `coach-${coach.id}` : "coach-new";
  const save = useMutation({
    mutationFn: (values: Values) => {
      const common = {
        capacity: Number(values.capacity),
        topics: values.topics.map(Number),
        specialities: values.specialities,
        languages: values.languages,
        ...(values.kind === "external"
          ? { name: values.name, firm: values.firm, email: values.email, phone: values.phone }
          : {}),
      };
      return coach
        ? coaching.coachUpdate(coach.id, common)
        : coaching.coachCreate({
            ...common,
            kind: values.kind,
            leader: values.kind === "internal" && values.leader ? Number(values.leader) : null,
          });
    },
    onSuccess: () => {
      setSaved(t("coach.pool.saved"));
      if (!coach) form.reset(defaults());
      onDone?.();
      return queryClient.invalidateQueries({ queryKey: coachingKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, FIELDS),
  });
  const failed = save.error instanceof ApiError && save.error.status === 400 ? null : save.error;
  const text = (name: "name" | "firm" | "email" | "phone", label: string, type = "text") => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input id={`${prefix}-${name}`} type={type} {...form.register(name, RULES[name as keyof typeof RULES] ?? {})} />
      <FieldError error={errors[name]} className="error" />
    </div>
  );
  return (
    <form
      className="card form"
      aria-labelledby={`${prefix}-title`}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h2 id={`${prefix}-title`}>{coach ? t("coach.pool.edit", { name: coach.name }) : t("coach.pool.add")}</h2>
      <p role="status" className="ok">
        {saved}
      </p>
      {!coach ? (
        <fieldset className="field">
          <legend>{t("coach.pool.kind")}</legend>
          {(["external", "internal"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" value={value} {...form.register("kind")} />
              {t(value === "internal" ? "coach.kind.internal" : "coach.kind.external")}
            </label>
          ))}
        </fieldset>
      ) : null}
      {!coach && kind === "internal" ? (
        <>
          <div className="field">
            <label htmlFor={`${prefix}-search`}>{t("coach.pool.search")}</label>
            <input id={`${prefix}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-leader`}>{t("coach.pool.leader")}</label>
            <select id={`${prefix}-leader`} {...form.register("leader")}>
              <option value="">{t("coach.pool.chooseLeader")}</option>
              {leaders.data?.map((leader) => (
                <option key={leader.id} value={leader.id}>
                  {leader.first_name} {leader.last_name} · {leader.role_title}
                </option>
              ))}
            </select>
            <FieldError error={errors.leader} className="error" />
          </div>
        </>
      ) : null}
      {kind === "external" ? (
        <>
          {text("name", t("coach.pool.name"))}
          {text("firm", t("coach.pool.firm"))}
          {text("email", t("coach.pool.email"), "email")}
          {text("phone", t("coach.pool.phone"), "tel")}
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-capacity`}>{t("coach.pool.capacity")}</label>
        <input id={`${prefix}-capacity`} type="number" {...form.register("capacity", RULES.capacity)} />
        <FieldError error={errors.capacity} className="error" />
      </div>
      {topics.data && topics.data.length > 0 ? (
        <fieldset className="field">
          <legend>{t("coach.pool.topics")}</legend>
          {topics.data.map((topic) => (
            <label key={topic.id} className="choice">
              <input type="checkbox" value={String(topic.id)} {...form.register("topics")} />
              {language === "en" ? topic.label_en : topic.label_da}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-specialities`}>{t("coach.pool.specialities")}</label>
        <input id={`${prefix}-specialities`} {...form.register("specialities", RULES.specialities)} />
      </div>
      <fieldset className="field">
        <legend>{t("coach.pool.languages")}</legend>
        {(["da", "en"] as const).map((value) => (
          <label key={value} className="choice">
            <input type="checkbox" value={value} {...form.register("languages")} />
            {t(value === "da" ? "coach.language.da" : "coach.language.en")}
          </label>
        ))}
      </fieldset>
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {failed ? <ErrorView error={failed} /> : null}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t("coach.pool.save")}
        </button>
        {onDone ? (
          <button type="button" className="secondary" onClick={onDone}>
            {t("coach.pool.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
