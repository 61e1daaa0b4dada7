import { useState } from "react";
import type { FormEvent, InputHTMLAttributes } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import * as hr from "../api/hrNetworks";
import type { SignUp, SignUpDetail } from "../api/hrNetworks";
import { DraftReview, LeaderCells, LeaderHeadCells } from "../components/GroupDraftReview";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import { useLoad } from "../useLoad";


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
  const [state, reload] = useLoad(
    () => Promise.all([hr.signups(), hr.administrations()]),
    "hrnet-signups",
  );
  const [created, setCreated] = useState<SignUp | null>(null);

  return (
    <Page title={t("hrnet.signups.title")}>
      <p>{t("hrnet.signups.intro")}</p>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <ErrorView error={state.error} /> : null}
      {state.status === "ready" ? (
        <>
          <section aria-labelledby="signups-heading">
            <h2 id="signups-heading">{t("hrnet.signups.list")}</h2>
            {state.data[0].length === 0 ? (
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
                  {state.data[0].map((signup) => (
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
          <SignUpCreateForm
            administrations={state.data[1]}
            onCreated={(signup) => {
              setCreated(signup);
              reload();
            }}
          />
        </>
      ) : null}
    </Page>
  );
}

function SignUpCreateForm({
  administrations,
  onCreated,
}: {
  administrations: hr.Administration[];
  onCreated: (signup: SignUp) => void;
}) {
  const { t } = useI18n();
  const [theme, setTheme] = useState("");
  const [description, setDescription] = useState("");
  const [minSize, setMinSize] = useState(5);
  const [maxSize, setMaxSize] = useState(7);
  const [deadline, setDeadline] = useState("");
  const [eligible, setEligible] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const signup = await hr.signupCreate({
        theme,
        description,
        min_size: minSize,
        max_size: maxSize,
        deadline,
        eligible_administrations: eligible,
      });
      setTheme("");
      setDescription("");
      setDeadline("");
      setEligible([]);
      onCreated(signup);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = (field: string) => (error instanceof ApiError ? error.messages(field) : []);

  return (
    <section aria-labelledby="create-heading" className="card">
      <h2 id="create-heading">{t("hrnet.create.title")}</h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="signup-theme">{t("hrnet.field.theme")}</label>
          <input
            id="signup-theme"
            required
            maxLength={200}
            value={theme}
            onChange={(e) => setTheme(e.target.value)}
          />
          <FieldErrors messages={fieldErrors("theme")} />
        </div>
        <div className="field">
          <label htmlFor="signup-description">{t("hrnet.field.description")}</label>
          <textarea
            id="signup-description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="inline-form">
          <InputField
            id="signup-min"
            label={t("hrnet.field.minSize")}
            errors={fieldErrors("min_size")}
            input={{ type: "number", min: 2, max: 50, required: true, value: minSize }}
            onChange={(value) => setMinSize(Number(value))}
          />
          <InputField
            id="signup-max"
            label={t("hrnet.field.maxSize")}
            errors={fieldErrors("max_size")}
            input={{ type: "number", min: 2, max: 50, required: true, value: maxSize }}
            onChange={(value) => setMaxSize(Number(value))}
          />
          <InputField
            id="signup-deadline"
            label={t("hrnet.field.deadline")}
            errors={fieldErrors("deadline")}
            input={{ type: "date", required: true, value: deadline }}
            onChange={setDeadline}
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
                  setEligible((now) =>
                    e.target.checked ? [...now, a.id] : now.filter((id) => id !== a.id),
                  )
                }
              />
              {a.name}
            </label>
          ))}
          <FieldErrors messages={fieldErrors("eligible_administrations")} />
        </fieldset>
        {error ? <ErrorView error={error} /> : null}
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
  onChange,
}: {
  id: string;
  label: string;
  errors: string[];
  input: InputHTMLAttributes<HTMLInputElement>;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} onChange={(e) => onChange(e.target.value)} />
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
  const { t, date, language } = useI18n();
  const signupId = Number(useParams().signupId);
  const [state, reload] = useLoad(
    () => Promise.all([hr.signup(signupId), hr.registrations(signupId)]),
    `hrnet-signup-${signupId}-${language}`,
  );
  if (state.status === "error") return <ErrorView error={state.error} />;
  if (state.status === "loading") return <Loading />;
  const [signup, registrations] = state.data;

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
      <ComposePanel signup={signup} onComposed={reload} />
      {signup.draft !== null ? <DraftLoader draftId={signup.draft} onPublished={reload} /> : null}
    </Page>
  );
}

function ComposePanel({ signup, onComposed }: { signup: SignUpDetail; onComposed: () => void }) {
  const { t, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (signup.status === "published" || signup.status === "cancelled") return null;
  const due = signup.deadline < todayIso();

  async function onCompose() {
    setError(null);
    setBusy(true);
    try {
      await hr.compose(signup.id);
      onComposed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

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

function DraftLoader({ draftId, onPublished }: { draftId: number; onPublished: () => void }) {
  const { language } = useI18n();
  const [state] = useLoad(() => hr.draft(draftId), `hrnet-draft-${draftId}-${language}`);
  if (state.status === "error") return <ErrorView error={state.error} />;
  if (state.status === "loading") return <Loading />;
  return <DraftReview initial={state.data} onPublished={onPublished} key={state.data.id} />;
}
