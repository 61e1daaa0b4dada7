import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import { ssoError, ssoQueries } from "../api/sso";
import type { SsoProvider } from "../api/sso";
import { useAuth } from "../auth";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { Page } from "../components/Page";
import { useI18n } from "../i18n";

/**
 * The login screen: "Log in with <the organisation's IdP>" where single sign-on is set up, and
 * the session login with user name and password (folded away as the administrators' break-glass
 * login when every organisation here has switched local passwords off).
 */
export function Login() {
  const { t } = useI18n();
  const { state } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  const providers = useQuery(ssoQueries.providers());
  const refused = ssoError(params.get("sso_error"));
  const next = (location.state as { from?: string } | null)?.from ?? "/";

  if (state.status === "ready") return <Navigate to={next} replace />;

  const list = providers.data ?? [];
  const passwordsOff = list.length > 0 && list.every((p) => !p.local_passwords_enabled);

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
          {refused ? (
            <p role="alert" className="error" id="sso-error">
              {t(`sso.error.${refused}`)}
            </p>
          ) : null}
          {list.length > 0 ? (
            <SsoButtons providers={list} next={next} />
          ) : (
            <p>{t("login.intro")}</p>
          )}
          {passwordsOff ? (
            <details className="card">
              <summary>{t("sso.breakGlass")}</summary>
              <p>{t("sso.breakGlass.intro")}</p>
              <PasswordForm next={next} />
            </details>
          ) : (
            <PasswordSection heading={list.length > 0 ? t("sso.or") : null}>
              <PasswordForm next={next} />
            </PasswordSection>
          )}
        </Page>
      </main>
    </>
  );
}

function SsoButtons({ providers, next }: { providers: SsoProvider[]; next: string }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="sso-heading">
      <h2 id="sso-heading">{t("sso.heading")}</h2>
      <p>{t("sso.intro")}</p>
      <ul className="actions" style={{ listStyle: "none", padding: 0 }}>
        {providers.map((provider) => (
          <li key={provider.slug}>
            {/* A navigation, not a fetch: the browser goes to the IdP and comes back. */}
            <a
              className="button-link"
              href={
                next === "/"
                  ? provider.start_url
                  : `${provider.start_url}?next=${encodeURIComponent(next)}`
              }
            >
              {t("sso.button", { name: provider.display_name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PasswordSection({ heading, children }: { heading: string | null; children: ReactNode }) {
  if (heading === null) return <>{children}</>;
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{heading}</h2>
      {children}
    </section>
  );
}

/** Session login with user name and password. */
function PasswordForm({ next }: { next: string }) {
  const { t } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  // No client-side rules: the API says "wrong username or password" for a blank field too.
  const form = useForm({ defaultValues: { username: "", password: "" } });
  const [error, setError] = useState<string | null>(null);
  const busy = form.formState.isSubmitting;

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
  );
}
