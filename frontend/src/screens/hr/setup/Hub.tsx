import { Link } from "react-router";
import { Page } from "../../../components/Page";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n";

interface SetupLink {
  to: string;
  label: MessageKey;
  description: MessageKey;
}

/** The set-up screens, in the order a new municipality goes through them. */
export const SETUP_LINKS: SetupLink[] = [
  { to: "/hr/import", label: "hrsetup.hub.import", description: "hrsetup.hub.import.d" },
  {
    to: "/hr/setup/import-guide",
    label: "hrsetup.hub.guide",
    description: "hrsetup.hub.guide.d",
  },
  { to: "/hr/setup/staff", label: "hrsetup.hub.staff", description: "hrsetup.hub.staff.d" },
  { to: "/hr/setup/offers", label: "cat.hr.title", description: "cat.hub.offers.d" },
  {
    to: "/hr/setup/templates",
    label: "hrsetup.hub.templates",
    description: "hrsetup.hub.templates.d",
  },
  {
    to: "/hr/setup/networks",
    label: "hrsetup.hub.networks",
    description: "hrsetup.hub.networks.d",
  },
  { to: "/hr/setup/peer-directory", label: "xorg.hub", description: "xorg.hub.d" },
];

/** HR: where the municipality is set up, from an empty organisation. */
export function SetupHub() {
  const { t } = useI18n();
  return (
    <Page title={t("hrsetup.hub.title")}>
      <p>{t("hrsetup.hub.intro")}</p>
      <ul className="contacts">
        {SETUP_LINKS.map((link) => (
          <li key={link.to} className="card">
            <h2>
              <Link to={link.to}>{t(link.label)}</Link>
            </h2>
            <p>{t(link.description)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
