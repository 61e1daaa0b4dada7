import { useState } from "react";
import type { FormEvent } from "react";
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
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = (location.state as { from?: string } | null)?.from ?? "/";

  if (state.status === "ready") return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      navigate(next, { replace: true });
    } catch (caught) {
      const wrong = caught instanceof ApiError && caught.status >= 400 && caught.status < 500;
      setError(t(wrong ? "login.failed" : "status.error"));
    } finally {
      setBusy(false);
    }
  }

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
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                aria-describedby={error ? "login-error" : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="password">{t("login.password")}</label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
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
