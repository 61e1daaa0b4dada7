import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { gatheringsQueries } from "../../api/gatherings";
import type { GatheringPlan } from "../../api/gatherings";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import "./print.css";

/**
 * HR: the printable table plan (per round: the tables with names, administration and title)
 * and the name cards (name, title, unit, table per round). Printing hides the app's frame
 * (`print.css`); each name card keeps to one piece and the plan starts each round on a new page.
 */
export function GatheringPrint() {
  const { gatheringId } = useParams();
  const id = Number(gatheringId);
  const { t, date } = useI18n();
  const query = useQuery(gatheringsQueries.plan(id));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const plan = query.data;
  const g = plan.gathering;
  return (
    <Page title={t("gath.print.title", { title: g.title })}>
      <div className="no-print actions">
        <Link to={`/hr/gatherings/${id}`}>{t("gath.print.back")}</Link>
        <button type="button" onClick={() => window.print()}>
          {t("gath.print.print")}
        </button>
      </div>
      <p>
        {date(g.date)}
        {g.place ? ` · ${g.place}` : ""}
      </p>
      {plan.rounds.length === 0 ? <p>{t("gath.print.empty")}</p> : null}
      <section aria-labelledby="gath-plan-heading" className="print-plan">
        <h2 id="gath-plan-heading">{t("gath.print.plan")}</h2>
        {plan.rounds.map((r) => (
          <section key={r.number} aria-labelledby={`gath-print-r${r.number}`} className="print-round">
            <h3 id={`gath-print-r${r.number}`}>{t("gath.round.title", { round: r.number })}</h3>
            <div className="print-tables">
              {r.tables.map((table) => (
                <table key={table.number} className="wrap-table print-table">
                  <caption>{t("gath.print.table", { table: table.number })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("gath.col.name")}</th>
                      <th scope="col">{t("gath.col.administration")}</th>
                      <th scope="col">{t("gath.col.title")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.members.map((m) => (
                      <tr key={m.id}>
                        <th scope="row">{m.name}</th>
                        <td>{m.administration ?? ""}</td>
                        <td>{m.role_title}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          </section>
        ))}
      </section>
      <NameCards plan={plan} />
    </Page>
  );
}

function NameCards({ plan }: { plan: GatheringPlan }) {
  const { t } = useI18n();
  const seats = new Map<number, Map<number, number>>();
  for (const r of plan.rounds) {
    for (const table of r.tables) {
      for (const m of table.members) {
        const mine = seats.get(m.id) ?? new Map<number, number>();
        mine.set(r.number, table.number);
        seats.set(m.id, mine);
      }
    }
  }
  return (
    <section aria-labelledby="gath-cards-heading" className="print-cards-section">
      <h2 id="gath-cards-heading">{t("gath.print.cards")}</h2>
      <ul className="print-cards">
        {plan.attendees.map((a) => (
          <li key={a.id} className="name-card">
            <p className="name-card-name">{a.name}</p>
            <p>{a.role_title}</p>
            <p className="muted">{a.unit ?? ""}</p>
            <p className="name-card-tables">
              {plan.rounds
                .map((r) =>
                  t("gath.print.seat", {
                    round: r.number,
                    table: seats.get(a.id)?.get(r.number) ?? "–",
                  }),
                )
                .join(" · ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
