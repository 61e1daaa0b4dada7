import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { networksQueries } from "../api/networks";
import type { Insights, InsightsState, NetworkMap as MapData } from "../api/networks";
import { BarChart } from "../charts/BarChart";
import { NetworkMap } from "../charts/NetworkMap";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";

type Leader = Insights["isolated"][number];

/**
 * HR: the leader network in aggregate. Only what the API returns is shown: per-leader lists come
 * from open networks; private networks appear only as counts over at least `min_aggregate`
 * people, and the API sends `null` below that.
 */
export function NetworkInsights() {
  const { t } = useI18n();
  const state = useQuery(networksQueries.insights());
  const map = useQuery(networksQueries.map());
  const error = state.error ?? map.error;
  if (error) return <ErrorView error={error} />;
  const figures = state.data?.insights;
  return (
    <Page title={t("hrnet.insights.title")}>
      <p>{t("hrnet.insights.intro")}</p>
      {state.data ? <Freshness state={state.data} /> : null}
      {figures && map.data ? <InsightsBody insights={figures} map={map.data} /> : null}
      {!state.data || (!figures && state.data.status !== "failed") ? <Loading /> : null}
    </Page>
  );
}

/**
 * When the figures were computed, and the progress of a computation under way: the figures are
 * computed by a background task whenever the network changes, never while HR waits.
 */
function Freshness({ state }: { state: InsightsState }) {
  const { t, language } = useI18n();
  const when = state.computed_at
    ? new Date(state.computed_at).toLocaleString(language === "da" ? "da-DK" : "en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
      })
    : null;
  const running = state.status === "computing";
  return (
    <div className="card" role="status" aria-live="polite">
      {when ? (
        <p>
          {t("hrnet.fresh.computed", { when })}
          {state.stale ? ` ${t("hrnet.fresh.stale")}` : ""}
        </p>
      ) : null}
      {running ? (
        <div className="progress">
          <progress max={100} value={state.progress} aria-label={t("hrnet.fresh.progressLabel")} />
          <span>
            {t("hrnet.fresh.progress", {
              percent: state.progress,
              phase: t(PHASES[state.phase] ?? "hrnet.fresh.phase.queued"),
            })}
          </span>
        </div>
      ) : null}
      {state.status === "failed" ? <p>{t("hrnet.fresh.failed")}</p> : null}
    </div>
  );
}

const PHASES: Record<string, MessageKey> = {
  queued: "hrnet.fresh.phase.queued",
  graph: "hrnet.fresh.phase.graph",
  isolation: "hrnet.fresh.phase.isolation",
  structure: "hrnet.fresh.phase.structure",
  figures: "hrnet.fresh.phase.figures",
  done: "hrnet.fresh.phase.figures",
};

function InsightsBody({ insights, map }: { insights: Insights; map: MapData }) {
  const { t } = useI18n();
  const number = (n: number, digits = 0) =>
    n.toLocaleString(t("hrnet.locale"), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const hidden = t("hrnet.hidden", { min: insights.min_aggregate });
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  for (const a of insights.administrations) names.set(a.id, a.name);
  const counts = [
    { key: "isolated", label: t("hrnet.count.isolated"), value: insights.isolated.length },
    { key: "solo", label: t("hrnet.count.solo"), value: insights.solo.length },
    {
      key: "specialists",
      label: t("hrnet.count.specialists"),
      value: insights.specialists_without_peers.length,
    },
    { key: "brokers", label: t("hrnet.count.brokers"), value: insights.brokers.length },
    { key: "bridges", label: t("hrnet.count.bridges"), value: insights.bridges.length },
  ];

  return (
    <>
      <aside className="card privacy" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t("hrnet.privacy.title")}</h2>
        <p>{t("hrnet.privacy.text", { min: insights.min_aggregate })}</p>
      </aside>
      <ul className="stats">
        <li>
          <strong>{insights.leaders}</strong> {t("hrnet.count.leaders")}
        </li>
        {counts.map((c) => (
          <li key={c.key}>
            <strong>{c.value}</strong> {c.label}
          </li>
        ))}
      </ul>

      <Figure id="map" title={t("hrnet.map.title")} intro={t("hrnet.map.intro")}>
        <NetworkMap
          nodes={map.nodes}
          edges={map.edges}
          label={t("hrnet.map.alt")}
          internalText={(ties) => t("hrnet.map.inside", { ties })}
        />
        <DataTable
          caption={t("hrnet.map.tableTies")}
          head={[t("hrnet.col.from"), t("hrnet.col.to"), t("hrnet.col.ties"), t("hrnet.col.privateTies")]}
          rows={map.edges.map((e) => ({
            key: `${e.source}-${e.target}`,
            cells: [
              names.get(e.source) ?? String(e.source),
              e.source === e.target ? t("hrnet.map.same") : (names.get(e.target) ?? String(e.target)),
              String(e.ties),
              e.private_ties === null ? hidden : String(e.private_ties),
            ],
          }))}
        />
        <DataTable
          caption={t("hrnet.map.tableNodes")}
          head={[t("hrnet.col.administration"), t("hrnet.col.leaders")]}
          rows={map.nodes.map((n) => ({ key: n.id, cells: [n.name, String(n.leaders)] }))}
        />
      </Figure>

      <Figure id="ei" title={t("hrnet.ei.title")} intro={t("hrnet.ei.intro")}>
        <BarChart
          label={t("hrnet.ei.alt")}
          domain={{ min: -1, max: 1 }}
          axis={[t("hrnet.ei.axisInside"), t("hrnet.ei.axisOutside")]}
          rows={insights.administrations.map((a) => ({
            key: a.id,
            label: a.name,
            value: a.ei_index,
            text: a.ei_index === null ? t("hrnet.ei.noTies") : number(a.ei_index, 2),
          }))}
        />
        <DataTable
          caption={t("hrnet.ei.table")}
          head={[
            t("hrnet.col.administration"),
            t("hrnet.col.internal"),
            t("hrnet.col.external"),
            t("hrnet.col.ei"),
          ]}
          rows={insights.administrations.map((a) => ({
            key: a.id,
            cells: [
              a.name,
              String(a.internal),
              String(a.external),
              a.ei_index === null ? t("hrnet.ei.noTies") : number(a.ei_index, 2),
            ],
          }))}
        />
      </Figure>

      <Figure id="isolated" title={t("hrnet.isolated.title")} intro={t("hrnet.isolated.intro")}>
        <BarChart
          label={t("hrnet.isolated.alt")}
          rows={insights.administrations.map((a) => ({
            key: a.id,
            label: a.name,
            value: a.isolated,
            text: t("hrnet.isolated.of", { isolated: a.isolated, leaders: a.leaders }),
          }))}
        />
        <DataTable
          caption={t("hrnet.isolated.table")}
          head={[
            t("hrnet.col.administration"),
            t("hrnet.col.leaders"),
            t("hrnet.col.isolated"),
            t("hrnet.col.inPrivate"),
          ]}
          rows={insights.administrations.map((a) => ({
            key: a.id,
            cells: [
              a.name,
              String(a.leaders),
              String(a.isolated),
              a.in_private_networks === null ? hidden : String(a.in_private_networks),
            ],
          }))}
        />
        <p>
          {insights.isolated_with_private_network === null
            ? t("hrnet.isolated.privateHidden", { min: insights.min_aggregate })
            : t("hrnet.isolated.private", { count: insights.isolated_with_private_network })}
        </p>
      </Figure>

      <Figure id="counts" title={t("hrnet.counts.title")} intro={t("hrnet.counts.intro")}>
        <BarChart
          label={t("hrnet.counts.alt")}
          rows={counts.map((c) => ({ ...c, text: String(c.value) }))}
        />
        <DataTable
          caption={t("hrnet.counts.table")}
          head={[t("hrnet.col.figure"), t("hrnet.col.count")]}
          rows={counts.map((c) => ({ key: c.key, cells: [c.label, String(c.value)] }))}
        />
      </Figure>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("hrnet.people.title")}</h2>
        <p>{t("hrnet.people.intro")}</p>
        <LeaderList id="list-isolated" title={t("hrnet.count.isolated")} leaders={insights.isolated} />
        <LeaderList id="list-solo" title={t("hrnet.count.solo")} leaders={insights.solo} />
        <LeaderList
          id="list-specialists"
          title={t("hrnet.count.specialists")}
          leaders={insights.specialists_without_peers}
        />
        <LeaderList
          id="list-brokers"
          title={t("hrnet.count.brokers")}
          leaders={insights.brokers}
          extra={(l) =>
            "betweenness" in l ? t("hrnet.brokers.score", { score: number(Number(l.betweenness), 3) }) : ""
          }
        />
        <h3 id="list-bridges">{t("hrnet.count.bridges")}</h3>
        {insights.bridges.length === 0 ? (
          <p>{t("hrnet.people.none")}</p>
        ) : (
          <ul aria-labelledby="list-bridges">
            {insights.bridges.map((pair) => (
              <li key={pair.map((l) => l.id).join("-")}>{pair.map((l) => l.name).join(" – ")}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="communities-heading">
        <h2 id="communities-heading">{t("hrnet.communities.title")}</h2>
        <p>{t("hrnet.communities.intro")}</p>
        <DataTable
          caption={t("hrnet.communities.title")}
          head={[t("hrnet.col.community"), t("hrnet.col.size"), t("hrnet.col.administrations")]}
          rows={insights.communities.map((c, k) => ({
            key: k,
            cells: [
              String(k + 1),
              String(c.size),
              Object.entries(c.administrations)
                .map(([id, n]) => `${names.get(Number(id)) ?? t("hrnet.group.noAdministration")} ${n}`)
                .join(", "),
            ],
          }))}
        />
      </section>
    </>
  );
}

function Figure({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="figure">
      <h2 id={`${id}-heading`}>{title}</h2>
      <p>{intro}</p>
      {children}
    </section>
  );
}

function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: { key: string | number; cells: string[] }[];
}) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, k) =>
              k === 0 ? (
                <th scope="row" key={k}>
                  {cell}
                </th>
              ) : (
                <td key={k}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LeaderList({
  id,
  title,
  leaders,
  extra,
}: {
  id: string;
  title: string;
  leaders: Leader[];
  extra?: (leader: Leader) => string;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3 id={id}>{title}</h3>
      {leaders.length === 0 ? (
        <p>{t("hrnet.people.none")}</p>
      ) : (
        <ul aria-labelledby={id}>
          {leaders.map((l) => (
            <li key={l.id}>
              {[l.name, l.role_title, l.unit, l.administration, extra?.(l)].filter(Boolean).join(", ")}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
