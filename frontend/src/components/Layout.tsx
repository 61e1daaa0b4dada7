import { NavLink, Outlet, useNavigate } from "react-router";
import { useAuth, useMe } from "../auth";
import { useI18n } from "../i18n";
import { navFor } from "../nav";
import { LanguageSwitcher } from "./LanguageSwitcher";

/** The frame of every signed-in screen: skip link, banner, navigation by role, main, footer. */
export function Layout() {
  const { t } = useI18n();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const sections = navFor(me);

  async function onLogout() {
    await logout();
    navigate("/login");
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip.toContent")}
      </a>
      <header className="banner">
        <div className="banner-inner">
          <NavLink to="/" className="brand">
            {t("app.name")}
          </NavLink>
          <div className="banner-tools">
            <span className="whoami">{t("layout.signedInAs", { name: me.display_name })}</span>
            <LanguageSwitcher />
            <button type="button" className="secondary" onClick={onLogout}>
              {t("layout.logout")}
            </button>
          </div>
        </div>
      </header>
      <div className="frame">
        <nav aria-label={t("nav.label")} className="sidenav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
          </ul>
          {sections.map((section) => (
            <section key={section.heading} aria-labelledby={`nav-${section.heading}`}>
              <h2 id={`nav-${section.heading}`} className="nav-heading">
                {t(section.heading)}
              </h2>
              <ul>
                {section.items.map((item) => (
                  <li key={item.to}>
                    {/* `end` where another item lives below this one (/peers, /peers/…). */}
                    <NavLink
                      to={item.to}
                      end={section.items.some((other) => other.to.startsWith(`${item.to}/`))}
                    >
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <p>{t("layout.footer")}</p>
      </footer>
    </>
  );
}
