import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { InputHTMLAttributes } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Link, useParams } from "react-router";
import { formRules } from "../api/formRules";
import * as networks from "../api/networks";
import { networksKeys, networksQueries } from "../api/networks";
import type { SignUp, SignUpCreate, SignUpDetail } from "../api/networks";
import { peopleQueries } from "../api/people";
import type { Administration } from "../api/people";
import { DraftReview, LeaderCells, LeaderHeadCells } from "../components/GroupDraftReview";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { setServerErrors } from "../forms";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";

const STATUS: Record<NonNullable<SignUp["status"]>, MessageKey> = {
  open: "hrnet.status.open",
  drafted: "hrnet.status.drafted",
  published: "hrnet.status.published",
  cancelled: "hrnet.status.cancelled",
};

/** Today as an ISO date (YYYY-MM-DD) in the browser's time zone. */
function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** HR: learning-network sign-ups, and a form to open a new one. */
export function HrSignUps() {
  const { t, date } = useI18n();
  const signups = useQuery(networksQueries.signups());
  const administrations = useQuery(peopleQueries.administrations());
  const error = signups.error ?? administrations.error;
  const [created, setCreated] = useState<SignUp | null>(null);

  return (
    <Page title={t("hrnet.signups.title")}>
      <p>{t("hrnet.signups.intro")}</p>
      {signups.isPending || administrations.isPending ? <Loading /> : null}
      {error ? <ErrorView error={error} /> : null}
      {signups.isSuccess && administrations.isSuccess ? (
        <>
          <section aria-labelledby="signups-heading">
            <h2 id="signups-heading">{t("hrnet.signups.list")}</h2>
            {signups.data.length === 0 ? (
              <p>{t("hrnet.signups.none")}</p>
            ) : (
              <table>
                <caption className="visually-hidden">{t("hrnet.signups.list")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("hrnet.field.theme")}</th>
                    <th scope="col">{t("hrnet.field.deadline")}</th>
                    <th scope="col">{t("hrnet.signups.registered")}</th>
                    <th scope="col">{t("hrnet.signups.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {signups.data.map((signup) => (
                    <tr key={signup.id}>
                      <th scope="row">
                        <Link to={`${signup.id}`}>{signup.theme}</Link>
                      </th>
                      <td>{date(signup.deadline)}</td>
                      <td>{signup.registration_count}</td>
                      <td>{t(STATUS[signup.status ?? "open"])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <div role="status">
            {created ? (
              <p className="ok">
                {t("hrnet.create.done", { theme: created.theme })}{" "}
                <Link to={`${created.id}`}>{t("hrnet.create.open")}</Link>
              </p>
            ) : null}
          </div>
          <SignUpCreateForm administrations={administrations.data} onCreated={setCreated} />
        </>
      ) : null}
    </Page>
  );
}

type NewSignUp = Omit<SignUpCreate, "min_size" | "max_size"> & { min_size: number; max_size: number };

const RULES = formRules.SignUpCreateInputRequest;

const SIGNUP_FIELDS = [
  "theme",
  "description",
  "min_size",
  "max_size",
  "deadline",
  "eligible_administrations",
] as const;

function SignUpCreateForm({
  administrations,
  onCreated,
}: {
  administrations: Administration[];
  onCreated: (signup: SignUp) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<NewSignUp>({
    defaultValues: {
      theme: "",
      description: "",
      min_size: 5,
      max_size: 7,
      deadline: "",
      eligible_administrations: [],
    },
  });
  const create = useMutation({
    mutationFn: networks.signupCreate,
    onSuccess: (signup) => {
      form.reset({
        ...form.getValues(),
        theme: "",
        description: "",
        deadline: "",
        eligible_administrations: [],
      });
      onCreated(signup);
      return queryClient.invalidateQueries({ queryKey: networksKeys.signups() });
    },
    onError: (error) => setServerErrors(error, form.setError, SIGNUP_FIELDS),
  });
  const { errors } = form.formState;
  const busy = create.isPending;
  const onSubmit = form.handleSubmit((values) => create.mutate(values));
  const messages = (error: { message?: string } | undefined) =>
    error ? [error.message || t("form.invalid")] : [];
  const eligible = useWatch({ control: form.control, name: "eligible_administrations" }) ?? [];

  return (
    <section aria-labelledby="create-heading" className="card">
      <h2 id="create-heading">{t("hrnet.create.title")}</h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="signup-theme">{t("hrnet.field.theme")}</label>
          <input
            id="signup-theme"
            required
            maxLength={RULES.theme.maxLength}
            {...form.register("theme", RULES.theme)}
          />
          <FieldErrors messages={messages(errors.theme)} />
        </div>
        <div className="field">
          <label htmlFor="signup-description">{t("hrnet.field.description")}</label>
          <textarea id="signup-description" rows={3} {...form.register("description")} />
          <FieldErrors messages={messages(errors.description)} />
        </div>
        <div className="inline-form">
          <InputField
            id="signup-min"
            label={t("hrnet.field.minSize")}
            errors={messages(errors.min_size)}
            input={{
              type: "number",
              min: RULES.min_size.min,
              max: RULES.min_size.max,
              required: true,
              ...form.register("min_size", { ...RULES.min_size, required: true, valueAsNumber: true }),
            }}
          />
          <InputField
            id="signup-max"
            label={t("hrnet.field.maxSize")}
            errors={messages(errors.max_size)}
            input={{
              type: "number",
              min: RULES.max_size.min,
              max: RULES.max_size.max,
              required: true,
              ...form.register("max_size", { ...RULES.max_size, required: true, valueAsNumber: true }),
            }}
          />
          <InputField
            id="signup-deadline"
            label={t("hrnet.field.deadline")}
            errors={messages(errors.deadline)}
            input={{ type: "date", required: true, ...form.register("deadline", RULES.deadline) }}
          />
        </div>
        <fieldset className="field">
          <legend>{t("hrnet.field.eligible")}</legend>
          <p className="muted small">{t("hrnet.field.eligibleHelp")}</p>
          {administrations.map((a) => (
            <label key={a.id} className="choice">
              <input
                type="checkbox"
                checked={eligible.includes(a.id)}
                onChange={(e) =>
                  form.setValue(
                    "eligible_administrations",
                    e.target.checked ? [...eligible, a.id] : eligible.filter((id) => id !== a.id),
                  )
                }
              />
              {a.name}
            </label>
          ))}
          <FieldErrors messages={messages(errors.eligible_administrations)} />
        </fieldset>
        <FieldErrors messages={messages(errors.root?.server)} />
        {create.error ? <ErrorView error={create.error} /> : null}
        <button type="submit" disabled={busy}>
          {t("hrnet.create.submit")}
        </button>
      </form>
    </section>
  );
}

/** A labelled input with its field errors from the API. */
function InputField({
  id,
  label,
  errors,
  input,
}: {
  id: string;
  label: string;
  errors: string[];
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
      <FieldErrors messages={errors} />
    </div>
  );
}

function FieldErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p role="alert" className="error small">
      {messages.join(" ")}
    </p>
  );
}

/** HR: one sign-up: who signed up, compose groups, review and move people, publish. */
export function HrSignUpScreen() {
  const { t, date } = useI18n();
  const signupId = Number(useParams().signupId);
  const signupQuery = useQuery(networksQueries.signup(signupId));
  const registrationsQuery = useQuery(networksQueries.registrations(signupId));
  const error = signupQuery.error ?? registrationsQuery.error;
  if (error) return <ErrorView error={error} />;
  const signup = signupQuery.data;
  const registrations = registrationsQuery.data;
  if (!signup || !registrations) return <Loading />;

  return (
    <Page title={signup.theme}>
      <p>
        <Link to="/hr/networks/signups">{t("hrnet.back")}</Link>
      </p>
      {signup.description ? <p>{signup.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t("hrnet.field.deadline")}</dt>
          <dd>{date(signup.deadline)}</dd>
        </div>
        <div>
          <dt>{t("hrnet.signup.sizes")}</dt>
          <dd>{t("hrnet.signup.sizeRange", { min: signup.min_size ?? 5, max: signup.max_size ?? 7 })}</dd>
        </div>
        <div>
          <dt>{t("hrnet.signups.status")}</dt>
          <dd>{t(STATUS[signup.status ?? "open"])}</dd>
        </div>
      </dl>
      <section aria-labelledby="registrations-heading">
        <h2 id="registrations-heading">
          {t("hrnet.registrations.title", { count: registrations.length })}
        </h2>
        {registrations.length === 0 ? (
          <p>{t("hrnet.registrations.none")}</p>
        ) : (
          <details>
            <summary>{t("hrnet.registrations.show")}</summary>
            <table>
              <caption className="visually-hidden">
                {t("hrnet.registrations.title", { count: registrations.length })}
              </caption>
              <thead>
                <tr>
                  <LeaderHeadCells />
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id}>
                    <LeaderCells leader={r.leader} />
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>
      <ComposePanel signup={signup} />
      {signup.draft !== null ? <DraftLoader draftId={signup.draft} /> : null}
    </Page>
  );
}

function ComposePanel({ signup }: { signup: SignUpDetail }) {
  const { t, date } = useI18n();
  const queryClient = useQueryClient();
  const compose = useMutation({
    mutationFn: () => networks.compose(signup.id),
    // The sign-up now names the new draft (and is "drafted").
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksKeys.signups() }),
  });
  const busy = compose.isPending;
  const error = compose.error;
  if (signup.status === "published" || signup.status === "cancelled") return null;
  const due = signup.deadline < todayIso();
  const onCompose = () => compose.mutate();

  return (
    <section aria-labelledby="compose-heading" className="card">
      <h2 id="compose-heading">{t("hrnet.compose.title")}</h2>
      {due ? (
        <>
          <p>{t("hrnet.compose.intro")}</p>
          {signup.draft !== null ? <p>{t("hrnet.compose.again")}</p> : null}
          <button type="button" onClick={onCompose} disabled={busy}>
            {signup.draft !== null ? t("hrnet.compose.rerun") : t("hrnet.compose.run")}
          </button>
        </>
      ) : (
        <p>{t("hrnet.compose.notYet", { date: date(signup.deadline) })}</p>
      )}
      <div role="status">{busy ? <p>{t("hrnet.compose.busy")}</p> : null}</div>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}

function DraftLoader({ draftId }: { draftId: number }) {
  const queryClient = useQueryClient();
  const state = useQuery(networksQueries.draft(draftId));
  if (state.isError) return <ErrorView error={state.error} />;
  if (state.isPending) return <Loading />;
  return (
    <DraftReview
      initial={state.data}
      onPublished={() => queryClient.invalidateQueries({ queryKey: networksKeys.signups() })}
      key={state.data.id}
    />
  );
}
