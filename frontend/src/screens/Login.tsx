import { useState } from "react";
import { useForm } from "react-hook-form";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/client";
import { useAuth } from "../auth";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { Page } from "../components/Page";
import { useI18n } from "../i18n";

/** Session login with username and password. */
export function Login() {
  const { t } = useI18n();
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // No client-side rules: the API says "wrong username or password" for a blank field too.
  const form = useForm({ defaultValues: { username: "", password: "" } });
  const [error, setError] = useState<string | null>(null);
  const busy = form.formState.isSubmitting;
  const next = (location.state as { from?: string } | null)?.from ?? "/";

  if (state.status === "ready") return <Navigate to={next} replace />;

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    setError(null);
    try {
      await login(username, password);
      navigate(next, { replace: true });
    } catch (caught) {
      const wrong = caught instanceof ApiError && caught.status >= 400 && caught.status < 500;
      setError(t(wrong ? "login.failed" : "status.error"));
    }
  });

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip.toContent")}
      </a>
      <header className="banner">
        <div className="banner-inner">
          <span className="brand">{t("app.name")}</span>
          <div className="banner-tools">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="login">
        <Page title={t("login.title")}>
          <p>{t("login.intro")}</p>
          <form onSubmit={onSubmit} className="card form" noValidate>
            {error ? (
              <p role="alert" className="error" id="login-error">
                {error}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="username">{t("login.username")}</label>
              <input
                id="username"
                autoComplete="username"
                required
                {...form.register("username")}
                aria-describedby={error ? "login-error" : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="password">{t("login.password")}</label>
              <input
                id="password"
                type="password"
                autoComplete="current-password"
                required
                {...form.register("password")}
              />
            </div>
            <button type="submit" disabled={busy}>
              {t("login.submit")}
            </button>
          </form>
        </Page>
      </main>
    </>
  );
}
