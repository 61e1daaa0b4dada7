import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { meQueries } from "../api/me";
import { useAuth, useMe } from "../auth";
import { useI18n } from "../i18n";
import { navFor } from "../nav";
import { LanguageSwitcher } from "./LanguageSwitcher";

/**
 * After a move to an address with a `#fragment` (a notification's link), scroll to the element it
 * names once the screen has drawn it, and move focus there.
 */
function useFragmentTarget() {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    let tries = 0;
    const timer = window.setInterval(() => {
      const target = document.getElementById(id);
      tries += 1;
      if (target) {
        window.clearInterval(timer);
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      } else if (tries > 50) {
        window.clearInterval(timer);
      }
    }, 100);
    return () => window.clearInterval(timer);
  }, [hash, key]);
}

/** The header's link to the inbox, with the number of unread notifications. */
function InboxLink() {
  const { t, number } = useI18n();
  const unread = useQuery(meQueries.unread());
  const count = unread.data ?? 0;
  return (
    <Link to="/me/notifications" className="inbox-link">
      {t("lself.inbox.link")}
      {count > 0 ? (
        <>
          <span className="count" aria-hidden="true">
            {number(count)}
          </span>
          <span className="visually-hidden">
            {t("lself.inbox.unread", { count: number(count) })}
          </span>
        </>
      ) : null}
    </Link>
  );
}

/**
 * The frame of every signed-in screen: skip link, banner, navigation by role, main, footer.
 * On a small screen the navigation and the banner's tools fold behind a menu button, so the
 * screen's content comes first.
 */
export function Layout() {
  const { t } = useI18n();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const sections = navFor(me);
  // The menu is open on the screen where it was opened: choosing a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === location.pathname;
  useFragmentTarget();

  async function onLogout() {
    await logout();
    navigate("/login");
  }

  const open = menuOpen ? " open" : "";
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
          <div className="banner-quick">
            <InboxLink />
            <button
              type="button"
              className="menu-toggle secondary"
              aria-expanded={menuOpen}
              aria-controls="sidenav banner-tools"
              onClick={() => setOpenOn(menuOpen ? null : location.pathname)}
            >
              {t(menuOpen ? "lself.menu.close" : "lself.menu.open")}
            </button>
          </div>
          <div id="banner-tools" className={`banner-tools${open}`}>
            <span className="whoami">{t("layout.signedInAs", { name: me.display_name })}</span>
            <LanguageSwitcher />
            <button type="button" className="secondary" onClick={onLogout}>
              {t("layout.logout")}
            </button>
          </div>
        </div>
      </header>
      <div className="frame">
        <nav id="sidenav" aria-label={t("nav.label")} className={`sidenav${open}`}>
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
