import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formRules } from "../../api/formRules";
import * as informal from "../../api/informalNetworks";
import { informalQueries } from "../../api/informalNetworks";
import type { Membership } from "../../api/networks";
import { FieldError } from "../../components/FieldError";
import { ErrorView } from "../../components/Status";
import { DecideButtons } from "../../components/DecideButtons";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";

/** A status message kept as a key (it follows a language switch), and how to run an action. */
export type Message = { key: MessageKey; vars?: Record<string, string | number> };
export type Act = (run: () => Promise<Message>) => void;

const START = formRules.InformalNetworkInputRequest;

/** Start an informal network: members only (by invitation) or open for requests. */
export function StartNetwork({ act }: { act: Act }) {
  const { t } = useI18n();
  const form = useForm<{ name: string; description: string; open: string }>({
    defaultValues: { name: "", description: "", open: "no" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((value) =>
    act(async () => {
      const network = await informal.networkStart({
        name: value.name,
        description: value.description,
        open_for_requests: value.open === "yes",
      });
      form.reset();
      return { key: "llife.net.started", vars: { network: network.name } };
    }),
  );
  return (
    <details className="card">
      <summary>{t("llife.net.start")}</summary>
      <form className="form" onSubmit={onSubmit} aria-label={t("llife.net.start")}>
        <p className="small">{t("llife.net.startIntro")}</p>
        <div className="field">
          <label htmlFor="net-name">{t("llife.net.name")}</label>
          <input id="net-name" maxLength={START.name.maxLength} {...form.register("name", START.name)} />
          <FieldError error={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="net-description">{t("llife.net.description")}</label>
          <textarea
            id="net-description"
            rows={2}
            maxLength={START.description.maxLength}
            {...form.register("description", START.description)}
          />
        </div>
        <fieldset className="field">
          <legend>{t("llife.net.who")}</legend>
          <label className="choice">
            <input type="radio" value="no" {...form.register("open")} />
            {t("llife.net.membersOnly")}
          </label>
          <label className="choice">
            <input type="radio" value="yes" {...form.register("open")} />
            {t("llife.net.openForRequests")}
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit">{t("llife.net.startConfirm")}</button>
        </div>
      </form>
    </details>
  );
}

/** Invitations to the leader: accept (become a member) or decline. */
export function Invitations({ act }: { act: Act }) {
  const { t } = useI18n();
  const state = useQuery(informalQueries.invitations());
  if (!state.data || state.data.length === 0) return null;
  return (
    <section aria-labelledby="llife-invitations">
      <h2 id="llife-invitations">{t("llife.net.invitations")}</h2>
      <ul className="items">
        {state.data.map((invitation) => (
          <li key={invitation.id} className="card">
            <p>
              {t("llife.net.invitedTo", {
                network: invitation.network.name,
                by: invitation.invited_by ?? "–",
              })}
            </p>
            <DecideButtons
              subject={invitation.network.name}
              acceptLabel={t("llife.net.accept")}
              declineLabel={t("llife.net.decline")}
              onDecide={(accept) =>
                act(async () => {
                  await informal.invitationAnswer(invitation.id, accept);
                  return {
                    key: accept ? "llife.net.joined" : "llife.net.declined",
                    vars: { network: invitation.network.name },
                  };
                })
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On an informal network of mine: invite a colleague, leave, and (the convener) close it. */
export function InformalActions({ membership, act }: { membership: Membership; act: Act }) {
  const { t } = useI18n();
  const network = membership.network;
  const [query, setQuery] = useState("");
  const found = useQuery(informalQueries.colleagues(network.id, query));
  const [confirmClose, setConfirmClose] = useState(false);
  const searchId = `net-${network.id}-search`;
  return (
    <div className="informal-actions">
      <details>
        <summary>{t("llife.net.invite", { network: network.name })}</summary>
        <div className="field">
          <label htmlFor={searchId}>{t("llife.net.search")}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        {found.error ? <ErrorView error={found.error} /> : null}
        {found.data && found.data.length === 0 ? <p>{t("llife.net.noneFound")}</p> : null}
        <ul>
          {(found.data ?? []).map((colleague) => (
            <li key={colleague.id} className="actions">
              <span>
                {colleague.name}
                {colleague.role_title ? `, ${colleague.role_title}` : ""}
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  act(async () => {
                    await informal.invite(network.id, colleague.id);
                    return {
                      key: "llife.net.invited",
                      vars: { name: colleague.name, network: network.name },
                    };
                  })
                }
              >
                {t("llife.net.inviteOne")}
                <span className="visually-hidden"> {colleague.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </details>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            act(async () => {
              await informal.leave(network.id);
              return { key: "llife.net.left", vars: { network: network.name } };
            })
          }
        >
          {t("llife.net.leave")}
          <span className="visually-hidden"> – {network.name}</span>
        </button>
        {membership.role === "convener" && !confirmClose ? (
          <button type="button" className="secondary" onClick={() => setConfirmClose(true)}>
            {t("llife.net.close")}
            <span className="visually-hidden"> – {network.name}</span>
          </button>
        ) : null}
      </div>
      {confirmClose ? (
        <div className="card warn-card" role="group" aria-label={t("llife.net.close")}>
          <p>{t("llife.net.closeConfirmText", { network: network.name })}</p>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                act(async () => {
                  await informal.close(network.id);
                  return { key: "llife.net.closed", vars: { network: network.name } };
                })
              }
            >
              {t("llife.net.closeConfirm")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmClose(false)}>
              {t("item.cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

const TIES: Record<string, MessageKey> = {
  line: "llife.tie.line",
  unit: "llife.tie.unit",
  department: "llife.tie.department",
  mentorship: "llife.tie.mentorship",
  past_mentorship: "llife.tie.past_mentorship",
  informal: "llife.tie.informal",
  leader_group: "llife.tie.leader_group",
  learning_network: "llife.tie.learning_network",
  leadership_team: "llife.tie.leadership_team",
  external: "llife.tie.external",
};

/**
 * The leader's own network: the colleagues they are tied to and through what (a network, a
 * mentorship, an introduction), as a picture with the same facts in a table beneath.
 */
export function MyNetworkMap() {
  const { t } = useI18n();
  const state = useQuery(informalQueries.egoMap());
  if (!state.data) return null;
  const { me, nodes, edges } = state.data;
  const others = nodes.filter((node) => node.id !== me);
  const tiesOf = (id: number) =>
    edges.find((e) => (e.source === me && e.target === id) || (e.target === me && e.source === id))
      ?.ties ?? [];
  // Ties come as codes: "unit", "mentorship", "network:informal" (the network's kind).
  const tieLabel = (tie: string) => {
    const key = TIES[tie.replace(/^network:/, "")];
    return key ? t(key) : tie;
  };
  const size = 320;
  const centre = size / 2;
  const radius = size / 2 - 40;
  return (
    <section aria-labelledby="llife-map">
      <h2 id="llife-map">{t("llife.net.map")}</h2>
      {others.length === 0 ? (
        <p>{t("llife.net.mapEmpty")}</p>
      ) : (
        <>
          <svg
            className="chart"
            role="img"
            aria-label={t("llife.net.mapAlt", { count: others.length })}
            viewBox={`0 0 ${size} ${size}`}
            width={size}
            height={size}
          >
            {others.map((node, index) => {
              const angle = (2 * Math.PI * index) / others.length - Math.PI / 2;
              const x = centre + radius * Math.cos(angle);
              const y = centre + radius * Math.sin(angle);
              return (
                <g key={node.id}>
                  <line className="map-edge" x1={centre} y1={centre} x2={x} y2={y} strokeWidth={1 + tiesOf(node.id).length} />
                  <circle className="map-node" cx={x} cy={y} r={10} />
                </g>
              );
            })}
            <circle className="map-node" cx={centre} cy={centre} r={16} />
          </svg>
          <table className="data-table">
            <caption>{t("llife.net.mapTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("llife.net.colleague")}</th>
                <th scope="col">{t("llife.net.ties")}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((node) => (
                <tr key={node.id}>
                  <th scope="row">{node.name}</th>
                  <td>{tiesOf(node.id).map(tieLabel).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
