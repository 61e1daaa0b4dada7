import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { formRules } from "../../../api/formRules";
import * as mentoring from "../../../api/mentoring";
import { DEFAULT_WEIGHTS, mentoringKeys } from "../../../api/mentoring";
import type { Policy, Preview, Programme, WeightKey } from "../../../api/mentoring";
import { FieldError } from "../../../components/FieldError";
import { Page } from "../../../components/Page";
import { ErrorView } from "../../../components/Status";
import { setServerErrors } from "../../../forms";
import { useI18n } from "../../../i18n";
import { EXCLUSION, WEIGHTS } from "./shared";

interface Values {
  name: string;
  starts_on: string;
  ends_on: string;
  mode: "hr" | "self" | "both";
  objective: "participation" | "score";
  require_other_administration: boolean;
  weights: Record<WeightKey, string>;
  enrol_first_leader_job: boolean;
  enrol_promotion: boolean;
  enrol_other_sector: boolean;
  enrol_window_days: string;
}

const RULES = formRules.ProgrammeInputRequest;
const KEYS = Object.keys(DEFAULT_WEIGHTS) as WeightKey[];

/** A weight as the reader writes numbers ("0,25" in Danish). */
function shown(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(
    value,
  );
}

/** A weight typed with a decimal comma or point. */
function parsed(text: string): number {
  return Number(text.trim().replace(",", "."));
}

function defaults(language: string, programme?: Programme): Values {
  const policy = (programme?.policy ?? {}) as Policy;
  const weights = { ...DEFAULT_WEIGHTS, ...(policy.weights ?? {}) };
  return {
    name: programme?.name ?? "",
    starts_on: programme?.starts_on ?? new Date().toISOString().slice(0, 10),
    ends_on: programme?.ends_on ?? "",
    mode: programme?.mode ?? "hr",
    objective: policy.objective ?? "participation",
    require_other_administration: policy.require_other_administration ?? true,
    weights: Object.fromEntries(
      KEYS.map((k) => [k, shown(weights[k], language)]),
    ) as Values["weights"],
    enrol_first_leader_job: programme?.enrol_first_leader_job ?? true,
    enrol_promotion: programme?.enrol_promotion ?? true,
    enrol_other_sector: programme?.enrol_other_sector ?? true,
    enrol_window_days: String(programme?.enrol_window_days ?? 180),
  };
}

function policyOf(values: Values): Policy {
  return {
    objective: values.objective,
    require_other_administration: values.require_other_administration,
    weights: Object.fromEntries(KEYS.map((k) => [k, parsed(values.weights[k])])),
  };
}

function bodyOf(values: Values): mentoring.ProgrammeInput {
  return {
    name: values.name,
    starts_on: values.starts_on,
    ends_on: values.ends_on || null,
    mode: values.mode,
    policy: policyOf(values),
    enrol_first_leader_job: values.enrol_first_leader_job,
    enrol_promotion: values.enrol_promotion,
    enrol_other_sector: values.enrol_other_sector,
    enrol_window_days: Number(values.enrol_window_days),
  };
}

/** HR: a new programme (its own screen); after saving, the programme's page. */
export function ProgrammeCreate() {
  const { t } = useI18n();
  return (
    <Page title={t("hrround.create.title")}>
      <p>{t("hrround.create.intro")}</p>
      <ProgrammeForm />
    </Page>
  );
}

/** Create or edit a programme: name, period, objective, hard rules and weights in plain words,
 * with a preview (for a saved programme) of how many mentees the draft would match. */
export function ProgrammeForm({ programme, onDone }: { programme?: Programme; onDone?: () => void }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ defaultValues: defaults(language, programme) });
  const errors = form.formState.errors;
  const [preview, setPreview] = useState<Preview | null>(null);
  const save = useMutation({
    mutationFn: (values: Values) =>
      programme
        ? mentoring.programmeUpdate(programme.id, bodyOf(values))
        : mentoring.programmeCreate(bodyOf(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: mentoringKeys.all });
      if (programme) onDone?.();
      else void navigate(`/hr/programmes/${saved.id}`);
    },
    onError: (error) => setServerErrors(error, form.setError, ["name", "starts_on", "ends_on"]),
  });
  const dryRun = useMutation({
    mutationFn: () => mentoring.programmePreview(programme!.id, policyOf(form.getValues())),
    onSuccess: setPreview,
  });
  const number = new Intl.NumberFormat(language);
  const id = programme ? `p${programme.id}` : "new";

  return (
    <form className="form" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("hrround.form.name")}</label>
        <input id={`${id}-name`} {...form.register("name", RULES.name)} />
        <FieldError error={errors.name} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-starts`}>{t("hrround.form.starts")}</label>
        <input id={`${id}-starts`} type="date" {...form.register("starts_on", RULES.starts_on)} />
        <FieldError error={errors.starts_on} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-ends`}>{t("hrround.form.ends")}</label>
        <input id={`${id}-ends`} type="date" {...form.register("ends_on")} />
        <FieldError error={errors.ends_on} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t("hrround.form.mode")}</label>
        <select id={`${id}-mode`} {...form.register("mode")}>
          <option value="hr">{t("hrround.mode.hr")}</option>
          <option value="self">{t("hrround.mode.self")}</option>
          <option value="both">{t("hrround.mode.both")}</option>
        </select>
      </div>
      <fieldset>
        <legend>{t("hrround.form.objective")}</legend>
        <label>
          <input type="radio" value="participation" {...form.register("objective")} />{" "}
          {t("hrround.objective.participation")}
        </label>
        <br />
        <label>
          <input type="radio" value="score" {...form.register("objective")} />{" "}
          {t("hrround.objective.score")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("hrround.form.rules")}</legend>
        <p className="muted">{t("hrround.form.rules.always")}</p>
        <label>
          <input type="checkbox" {...form.register("require_other_administration")} />{" "}
          {t("hrround.form.otherAdministration")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("hrround.form.weights")}</legend>
        <p className="muted">{t("hrround.form.weights.intro")}</p>
        {KEYS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-w-${key}`}>{t(WEIGHTS[key].label)}</label>
            <input
              id={`${id}-w-${key}`}
              inputMode="decimal"
              aria-describedby={`${id}-w-${key}-d`}
              {...form.register(`weights.${key}` as const, {
                required: true,
                validate: (text) => {
                  const value = parsed(text);
                  return (value >= 0 && value <= 20) || t("hrround.form.weightRange");
                },
              })}
            />
            <FieldError error={errors.weights?.[key]} />
            <span id={`${id}-w-${key}-d`} className="muted">
              {t(WEIGHTS[key].hint)}
            </span>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("hrround.form.enrol")}</legend>
        <label>
          <input type="checkbox" {...form.register("enrol_first_leader_job")} />{" "}
          {t("hrround.route.first_leader_job")}
        </label>
        <br />
        <label>
          <input type="checkbox" {...form.register("enrol_promotion")} /> {t("hrround.route.promotion")}
        </label>
        <br />
        <label>
          <input type="checkbox" {...form.register("enrol_other_sector")} />{" "}
          {t("hrround.route.other_sector")}
        </label>
        <div className="field">
          <label htmlFor={`${id}-window`}>{t("hrround.form.window")}</label>
          <input
            id={`${id}-window`}
            type="number"
            min={1}
            max={1000}
            {...form.register("enrol_window_days", { required: true })}
          />
        </div>
      </fieldset>
      {programme ? (
        <section aria-labelledby={`${id}-preview`} className="card">
          <h3 id={`${id}-preview`}>{t("hrround.preview.title")}</h3>
          <p className="muted">{t("hrround.preview.intro")}</p>
          <button type="button" className="secondary" onClick={() => dryRun.mutate()}>
            {t("hrround.preview.run")}
          </button>
          <div role="status" aria-live="polite">
            {preview ? (
              <>
                <p>
                  {t("hrround.preview.result", {
                    matched: number.format(preview.matched),
                    mentees: number.format(preview.mentees),
                    mentors: number.format(preview.mentors),
                    capacity: number.format(preview.capacity),
                  })}
                </p>
                {preview.excluded.length > 0 ? (
                  <ul>
                    {preview.excluded.map((e) => (
                      <li key={`${e.role}-${e.reason}`}>
                        {e.reason in EXCLUSION ? t(EXCLUSION[e.reason]!) : e.reason}:{" "}
                        {number.format(e.count)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </div>
          {dryRun.error ? <ErrorView error={dryRun.error} /> : null}
        </section>
      ) : null}
      {save.error ? <ErrorView error={save.error} /> : null}
      <div className="actions">
        <button type="submit">{programme ? t("hrround.form.save") : t("hrround.form.create")}</button>
        {programme && onDone ? (
          <button type="button" className="secondary" onClick={onDone}>
            {t("item.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
