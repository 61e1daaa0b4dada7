/**
 * The addresses notifications and e-mails link to (`backend/notifications/links.py`) that are not
 * a screen's own address: each sends the reader on to the screen that shows the thing, with a
 * `#fragment` naming it there (the layout scrolls to it and moves focus to it).
 */
import { useQuery } from "@tanstack/react-query";
import { Navigate, useParams, useSearchParams } from "react-router";
import { onboardingQueries } from "../../api/onboarding";
import { ErrorView, Loading } from "../../components/Status";
import { NotFound } from "../NotFound";

function useId(name: string): number | null {
  const value = Number(useParams()[name]);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** `/mentoring/proposals/:id` → the proposal's card among the reader's proposals. */
export function ProposalLink() {
  const id = useId("proposalId");
  if (id === null) return <NotFound />;
  return <Navigate replace to={`/mentoring/proposals#proposal-${id}`} />;
}

/** `/mentoring/flags` → HR's list of pairs that need a look, on the programmes screen. */
export function FlagsLink() {
  return <Navigate replace to="/hr/programmes#flags-heading" />;
}

/** `/mentoring/programmes/:id/manual-queue` → the programme's queue of mentees to match by hand. */
export function ManualQueueLink() {
  const id = useId("programmeId");
  if (id === null) return <NotFound />;
  return <Navigate replace to={`/hr/programmes/${id}#queue-heading`} />;
}

/** `/mentoring/suggestions` → the mentee's mentoring screen (proposals and suggestions). */
export function SuggestionsLink() {
  return <Navigate replace to="/mentoring/proposals" />;
}

/** `/networks/:id` → the reader's networks, where the network is listed with its members. */
export function NetworkLink() {
  const id = useId("networkId");
  if (id === null) return <NotFound />;
  return <Navigate replace to="/networks#lnet-mine" />;
}

/** `/networks/roulette` → the coffee-roulette pairs on the networks screen. */
export function RouletteLink() {
  return <Navigate replace to="/networks#lnet-roulette" />;
}

/**
 * `/onboarding/plans/:id?item=` → the plan where the reader reads it: the leader's own plan, HR's
 * or the boss's view of it; the item's card is the fragment.
 */
export function PlanLink() {
  const id = useId("planId");
  const [search] = useSearchParams();
  const plan = useQuery({ ...onboardingQueries.plan(id ?? 0), enabled: id !== null });
  if (id === null) return <NotFound />;
  if (plan.isError) return <ErrorView error={plan.error} />;
  if (!plan.data) return <Loading />;
  const item = Number(search.get("item"));
  const fragment = Number.isInteger(item) && item > 0 ? `#item-${item}-title` : "";
  const screen = {
    self: "/plan",
    hr: `/hr/overview/${id}`,
    boss: `/my-leaders/${id}`,
    owner: `/my-leaders/${id}`,
  }[plan.data.viewer];
  return <Navigate replace to={`${screen}${fragment}`} />;
}
