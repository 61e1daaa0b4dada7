/**
 * Which screens a user gets, by the hats they wear: HR, new leader, mentor, specialist or solo
 * leader, boss. One person can wear several (a boss who is also a mentor). A screen is listed
 * only once its API exists; no placeholders.
 */
import type { Me } from "./api/auth";
import type { MessageKey } from "./i18n";

export interface NavItem {
  to: string;
  label: MessageKey;
  description: MessageKey;
}

export interface NavSection {
  heading: MessageKey;
  items: NavItem[];
}

const HOME: NavItem = { to: "/", label: "nav.home", description: "home.description" };

/** The navigation sections for a user, in the order they appear. */
export function navFor(me: Me): NavSection[] {
  const sections: NavSection[] = [];
  const isHr = me.role === "hr" || me.role === "admin";
  const isLeader = me.leader_id !== null;

  if (isHr) {
    sections.push({
      heading: "nav.section.hr",
      items: [
        { to: "/hr/overview", label: "nav.hr.overview", description: "nav.hr.overview.d" },
        { to: "/hr/programmes", label: "nav.hr.programmes", description: "nav.hr.programmes.d" },
        { to: "/hr/import", label: "nav.hr.import", description: "nav.hr.import.d" },
        { to: "/hr/setup", label: "hrsetup.nav.setup", description: "hrsetup.nav.setup.d" },
        { to: "/hr/staff-requests", label: "cat.nav.board", description: "cat.nav.board.d" },
        {
          to: "/hr/networks/signups",
          label: "hrnet.nav.signups",
          description: "hrnet.nav.signups.d",
        },
        {
          to: "/hr/networks/insights",
          label: "hrnet.nav.insights",
          description: "hrnet.nav.insights.d",
        },
        { to: "/hr/coaching/requests", label: "coach.nav.hr", description: "coach.nav.hr.d" },
        { to: "/hr/gatherings", label: "gath.nav.list", description: "gath.nav.list.d" },
        { to: "/hr/networks/value", label: "nval.nav", description: "nval.nav.d" },
      ],
    });
  }
  if (isLeader) {
    sections.push({
      heading: "nav.section.leader",
      items: [
        { to: "/plan", label: "nav.leader.plan", description: "nav.leader.plan.d" },
        { to: "/me/support-needs", label: "nav.leader.needs", description: "nav.leader.needs.d" },
        { to: "/me/staff", label: "nav.leader.staff", description: "nav.leader.staff.d" },
        { to: "/help", label: "cat.nav.help", description: "cat.nav.help.d" },
        { to: "/peers", label: "nav.leader.peers", description: "nav.leader.peers.d" },
        { to: "/peers/elsewhere", label: "xorg.nav", description: "xorg.nav.d" },
        { to: "/knowhow", label: "knowhow.nav", description: "knowhow.nav.d" },
        { to: "/peers/introductions", label: "lnet.nav.intros", description: "lnet.nav.intros.d" },
        { to: "/networks", label: "lnet.nav.networks", description: "lnet.nav.networks.d" },
        { to: "/networks/signups", label: "lnet.nav.signups", description: "lnet.nav.signups.d" },
        {
          to: "/mentoring/proposals",
          label: "nav.leader.proposals",
          description: "nav.leader.proposals.d",
        },
        { to: "/mentoring/pairs", label: "nav.leader.pairs", description: "nav.leader.pairs.d" },
        { to: "/mentoring/offers", label: "hrround.nav.offers", description: "hrround.nav.offers.d" },
        { to: "/coach", label: "coach.nav.ask", description: "coach.nav.ask.d" },
      ],
    });
  }
  if (me.is_boss) {
    sections.push({
      heading: "nav.section.boss",
      items: [{ to: "/my-leaders", label: "nav.boss.leaders", description: "nav.boss.leaders.d" }],
    });
  }
  sections.push({
    heading: "lself.nav.section",
    items: [
      { to: "/me/notifications", label: "lself.nav.inbox", description: "lself.nav.inbox.d" },
      { to: "/me/profile", label: "lself.nav.profile", description: "lself.nav.profile.d" },
    ],
  });
  return sections.filter((section) => section.items.length > 0);
}

/** Every navigation item for a user, home first. */
export function navItemsFor(me: Me): NavItem[] {
  return [HOME, ...navFor(me).flatMap((section) => section.items)];
}
