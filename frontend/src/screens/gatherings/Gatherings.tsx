import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { formRules } from "../../api/formRules";
import * as api from "../../api/gatherings";
import { gatheringsKeys, gatheringsQueries } from "../../api/gatherings";
import type { Gathering, GatheringInput } from "../../api/gatherings";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";
import { FieldErrors } from "./parts";

const RULES = formRules.GatheringInputRequest;
const FIELDS = ["title", "date", "place", "table_min", "table_max", "rounds"] as const;

/** HR: the leader meetings (Ledertræf) and a form for a new one. */
export function Gatherings() {
  const { t, date } = useI18n();
  const list = useQuery(gatheringsQueries.list());
  const [created, setCreated] = useState<Gathering | null>(null);
  return (
    <Page title={t("gath.list.title")}>
      <p>{t("gath.list.intro")}</p>
      <section aria-labelledby="gath-list-heading">
        <h2 id="gath-list-heading">{t("gath.list.heading")}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorView error={list.error} />
        ) : list.data.length === 0 ? (
          <p>{t("gath.list.none")}</p>
        ) : (
          <table className="wrap-table">
            <caption className="visually-hidden">{t("gath.list.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gath.field.title")}</th>
                <th scope="col">{t("gath.field.date")}</th>
                <th scope="col">{t("gath.field.place")}</th>
                <th scope="col">{t("gath.list.attendees")}</th>
                <th scope="col">{t("gath.list.tables")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/hr/gatherings/${g.id}`}>{g.title}</Link>
                  </th>
                  <td>{date(g.date)}</td>
                  <td>{g.place}</td>
                  <td>{g.attendee_count}</td>
                  <td>{g.composed ? t("gath.list.composed") : t("gath.list.notComposed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div role="status" aria-live="polite">
        {created ? (
          <p className="ok">
            {t("gath.create.done", { title: created.title })}{" "}
            <Link to={`/hr/gatherings/${created.id}`}>{t("gath.create.open")}</Link>
          </p>
        ) : null}
      </div>
      <CreateForm onCreated={setCreated} />
    </Page>
  );
}

function CreateForm({ onCreated }: { onCreated: (g: Gathering) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<GatheringInput>({
    defaultValues: { title: "", date: "", place: "", table_min: 6, table_max: 8, rounds: 2 },
  });
  const create = useMutation({
    mutationFn: api.gatheringCreate,
    onSuccess: (g) => {
      form.reset();
      onCreated(g);
      return queryClient.invalidateQueries({ queryKey: gatheringsKeys.list() });
    },
    onError: (error) => setServerErrors(error, form.setError, FIELDS),
  });
  const { errors } = form.formState;
  const msg = (e: { message?: string } | undefined) => (e ? [e.message || t("form.invalid")] : []);
  const number = (name: "table_min" | "table_max" | "rounds", label: string) => (
    <div className="field">
      <label htmlFor={`gath-${name}`}>{label}</label>
      <input
        id={`gath-${name}`}
        type="number"
        required
        min={RULES[name].min}
        max={RULES[name].max}
        {...form.register(name, { ...RULES[name], required: true, valueAsNumber: true })}
      />
      <FieldErrors messages={msg(errors[name])} />
    </div>
  );
  return (
    <section aria-labelledby="gath-create-heading" className="card">
      <h2 id="gath-create-heading">{t("gath.create.title")}</h2>
      <form className="form" onSubmit={form.handleSubmit((v) => create.mutate(v))}>
        <div className="field">
          <label htmlFor="gath-title">{t("gath.field.title")}</label>
          <input id="gath-title" required {...form.register("title", RULES.title)} />
          <FieldErrors messages={msg(errors.title)} />
        </div>
        <div className="inline-form">
          <div className="field">
            <label htmlFor="gath-date">{t("gath.field.date")}</label>
            <input id="gath-date" type="date" required {...form.register("date", RULES.date)} />
            <FieldErrors messages={msg(errors.date)} />
          </div>
          <div className="field">
            <label htmlFor="gath-place">{t("gath.field.place")}</label>
            <input id="gath-place" {...form.register("place", RULES.place)} />
            <FieldErrors messages={msg(errors.place)} />
          </div>
        </div>
        <div className="inline-form">
          {number("table_min", t("gath.field.tableMin"))}
          {number("table_max", t("gath.field.tableMax"))}
          {number("rounds", t("gath.field.rounds"))}
        </div>
        <button type="submit" disabled={create.isPending}>
          {t("gath.create.submit")}
        </button>
      </form>
    </section>
  );
}
