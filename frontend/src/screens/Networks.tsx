import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as networks from "../api/networks";
import { networksKeys, networksQueries } from "../api/networks";
import type { JoinRequest, MyNetworks, NetworkSuggestion, RoulettePair } from "../api/networks";
import { useMe } from "../auth";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { DecideButtons } from "../components/DecideButtons";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";
import {
  InformalActions,
  Invitations,
  MyNetworkMap,
  StartNetwork,
} from "./networks/InformalNetworks";

function kindLabel(kind: string): MessageKey {
  const known: Record<string, MessageKey> = {
    leader_group: "lnet.kind.leader_group",
    learning_network: "lnet.kind.learning_network",
    leadership_team: "lnet.kind.leadership_team",
    informal: "lnet.kind.informal",
    external: "lnet.kind.external",
    cohort: "lnet.kind.cohort",
  };
  return known[kind] ?? "lnet.kind.other";
}

/** The leader's networks, requests to join them, suggestions and coffee-roulette pairs. */
export function Networks() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const leaderId = me.leader_id ?? 0;
  const state = useQuery(networksQueries.myNetworks(leaderId));
  const [message, setMessage] = useState<Message | null>(null);
  const action = useMutation({
    mutationFn: (run: () => Promise<Message>) => run(),
    onSuccess: (done) => {
      setMessage(done);
      return queryClient.invalidateQueries({ queryKey: networksKeys.mine() });
    },
  });
  const error = action.error;
  const act: Act = (run) => action.mutate(run);

  return (
    <Page title={t("lnet.networks.title")}>
      <p>{t("lnet.networks.intro")}</p>
      <p role="status" className="ok">
        {message ? t(message.key, message.vars) : ""}
      </p>
      {error ? <ErrorView error={error} /> : null}
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      <Invitations act={act} />
      {state.isSuccess ? (
        <>
          <MembershipList data={state.data} act={act} />
          <StartNetwork act={act} />
          <JoinRequests requests={state.data.requests} leaderId={leaderId} act={act} />
          <Suggestions
            suggestions={state.data.suggestions}
            asked={
              new Set(
                state.data.requests
                  .filter((r) => r.status === "pending" && r.leader.id === leaderId)
                  .map((r) => r.network_id),
              )
            }
            act={act}
          />
          <RoulettePairs pairs={state.data.pairs} leaderId={leaderId} />
          <MyNetworkMap />
        </>
      ) : null}
    </Page>
  );
}

/** A status message, kept as a key so it follows a language switch. */
type Message = { key: MessageKey; vars?: Record<string, string | number> };
type Act = (run: () => Promise<Message>) => void;

function MembershipList({ data, act }: { data: MyNetworks; act: Act }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="lnet-mine">
      <h2 id="lnet-mine">{t("lnet.networks.mine")}</h2>
      {data.memberships.length === 0 ? <p>{t("lnet.networks.mineNone")}</p> : null}
      <ul className="items">
        {data.memberships.map(({ membership, roulette }) => (
          <li key={membership.id} className="card">
            <h3>{membership.network.name}</h3>
            <p className="muted">
              {[
                t(kindLabel(membership.network.kind)),
                t(
                  membership.network.visibility === "members_only"
                    ? "lnet.networks.private"
                    : "lnet.networks.open",
                ),
                membership.role === "convener" ? t("lnet.networks.convener") : null,
                membership.since ? t("lnet.networks.since", { date: date(membership.since) }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {membership.network.kind === "informal" ? (
              <InformalActions membership={membership} act={act} />
            ) : null}
            {roulette?.active && roulette.next_run_on ? (
              <div className="actions">
                <p>
                  {t("lnet.roulette.setting", {
                    weeks: roulette.every_weeks,
                    date: date(roulette.next_run_on),
                  })}
                </p>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(async () => {
                      const round = await networks.rouletteOptOut(membership.network.id);
                      return {
                        key: "lnet.roulette.optedOut",
                        vars: { round, network: membership.network.name },
                      };
                    })
                  }
                >
                  {t("lnet.roulette.optOut")}
                  <span className="visually-hidden"> – {membership.network.name}</span>
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function JoinRequests({
  requests,
  leaderId,
  act,
}: {
  requests: JoinRequest[];
  leaderId: number;
  act: Act;
}) {
  const { t, date } = useI18n();
  const pending = requests.filter((r) => r.status === "pending");
  const toDecide = pending.filter((r) => r.leader.id !== leaderId);
  const mine = pending.filter((r) => r.leader.id === leaderId);
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="lnet-requests">
      <h2 id="lnet-requests">{t("lnet.requests.title")}</h2>
      {toDecide.length > 0 ? <p>{t("lnet.requests.intro")}</p> : null}
      <ul className="items">
        {toDecide.map((request) => (
          <li key={request.id} className="card">
            <h3>
              {t("lnet.requests.asks", { name: request.leader.name, network: request.network })}
            </h3>
            <p className="muted">
              {[request.leader.role_title, request.leader.unit, request.leader.administration]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {request.message ? <blockquote>{request.message}</blockquote> : null}
            <p className="small">{t("lnet.requests.sent", { date: date(request.created_at) })}</p>
            <DecideButtons
              subject={request.leader.name}
              acceptLabel={t("lnet.requests.accept")}
              declineLabel={t("lnet.requests.decline")}
              onDecide={(accept) =>
                act(async () => {
                  await networks.joinRequestDecide(request.id, accept);
                  return {
                    key: accept ? "lnet.requests.accepted" : "lnet.requests.declined",
                    vars: { name: request.leader.name },
                  };
                })
              }
            />
          </li>
        ))}
        {mine.map((request) => (
          <li key={request.id} className="card">
            <p>{t("lnet.requests.mine", { network: request.network })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Suggestions({
  suggestions,
  asked,
  act,
}: {
  suggestions: NetworkSuggestion[];
  /** Networks I have asked to join and await an answer from. */
  asked: Set<number>;
  act: Act;
}) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="lnet-suggestions">
      <h2 id="lnet-suggestions">{t("lnet.suggestions.title")}</h2>
      {suggestions.length === 0 ? <p>{t("lnet.suggestions.none")}</p> : null}
      <ul className="items">
        {suggestions.map((s) => {
          const id = `lnet-suggestion-${s.network_id ?? s.kind}`;
          const networkId = s.network_id;
          return (
            <li key={id}>
              <article className="card" aria-labelledby={id}>
                <h3 id={id}>{s.name}</h3>
                <p className="muted">
                  {[
                    t(kindLabel(s.kind)),
                    s.is_private ? t("lnet.networks.private") : t("lnet.networks.open"),
                    s.member_count !== null
                      ? t("lnet.suggestions.members", { count: s.member_count })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {s.theme ? <p>{s.theme}</p> : null}
                {s.description ? <p>{s.description}</p> : null}
                <h4>{t("lnet.suggestions.why")}</h4>
                <ul>
                  {s.reasons.map((reason) => (
                    <li key={reason.code}>{language === "en" ? reason.en : reason.da}</li>
                  ))}
                </ul>
                {s.join === "ask_hr" || networkId === undefined ? (
                  <p>{t("lnet.suggestions.askHr")}</p>
                ) : asked.has(networkId) ? (
                  <p>{t("lnet.suggestions.asked")}</p>
                ) : (
                  <button
                    type="button"
                    onClick={() =>
                      act(async () => {
                        const outcome = await networks.join(networkId);
                        return {
                          key:
                            outcome === "member"
                              ? "lnet.suggestions.joined"
                              : "lnet.suggestions.requested",
                          vars: { network: s.name },
                        };
                      })
                    }
                  >
                    {t(s.join === "request" ? "lnet.suggestions.request" : "lnet.suggestions.join")}
                    <span className="visually-hidden"> – {s.name}</span>
                  </button>
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RoulettePairs({ pairs, leaderId }: { pairs: RoulettePair[]; leaderId: number }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="lnet-roulette">
      <h2 id="lnet-roulette">{t("lnet.roulette.title")}</h2>
      <p>{t("lnet.roulette.intro")}</p>
      {pairs.length === 0 ? (
        <p>{t("lnet.roulette.none")}</p>
      ) : (
        <ul>
          {pairs.map((pair) => (
            <li key={pair.id}>
              {t("lnet.roulette.pair", {
                network: pair.network,
                date: date(pair.run_on),
                names: pair.leaders
                  .filter((l) => l.id !== leaderId)
                  .map((l) => [l.name, l.unit].filter(Boolean).join(", "))
                  .join(t("lnet.and")),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
