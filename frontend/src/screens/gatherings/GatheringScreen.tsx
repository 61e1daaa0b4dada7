import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ChangeEvent, FormEvent } from "react";
import { Link, useParams } from "react-router";
import * as api from "../../api/gatherings";
import { gatheringsKeys, gatheringsQueries } from "../../api/gatherings";
import type { Attendee, GatheringPlan, GatheringRound, GatheringTable } from "../../api/gatherings";
import { peopleQueries } from "../../api/people";
import { Page } from "../../components/Page";
import { ComposerPrivacy } from "../../components/Privacy";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import { errorMessages, useWarningText } from "./parts";

/** HR: one leader meeting: attendees, composing the rounds, moving people, the print page. */
export function GatheringScreen() {
  const { gatheringId } = useParams();
  const id = Number(gatheringId);
  const { t, date } = useI18n();
  const query = useQuery(gatheringsQueries.plan(id));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} />;
  const plan = query.data;
  const g = plan.gathering;
  return (
    <Page title={g.title}>
      <p>
        <Link to="/hr/gatherings">{t("gath.back")}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t("gath.field.date")}</dt>
          <dd>{date(g.date)}</dd>
        </div>
        {g.place ? (
          <div>
            <dt>{t("gath.field.place")}</dt>
            <dd>{g.place}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("gath.detail.tables")}</dt>
          <dd>{t("gath.detail.tableRange", { min: g.table_min ?? 6, max: g.table_max ?? 8 })}</dd>
        </div>
        <div>
          <dt>{t("gath.field.rounds")}</dt>
          <dd>{g.rounds}</dd>
        </div>
      </dl>
      <AttendeesPanel plan={plan} />
      <ComposePanel plan={plan} />
    </Page>
  );
}

function usePlanSetter(id: number) {
  const queryClient = useQueryClient();
  return (next: GatheringPlan) => {
    queryClient.setQueryData(gatheringsKeys.plan(id), next);
    return queryClient.invalidateQueries({ queryKey: gatheringsKeys.list() });
  };
}

function AttendeesPanel({ plan }: { plan: GatheringPlan }) {
  const { t } = useI18n();
  const id = plan.gathering.id;
  const queryClient = useQueryClient();
  const administrations = useQuery(peopleQueries.administrations());
  const [chosen, setChosen] = useState<number[]>([]);
  const [levels, setLevels] = useState<number[]>([]);
  const [all, setAll] = useState(false);
  const [identifiers, setIdentifiers] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: gatheringsKeys.all });
  const add = useMutation({
    mutationFn: () =>
      api.attendeesAdd(id, {
        administration_ids: chosen,
        levels,
        all_leaders: all,
        identifiers,
      }),
    onSuccess: (added) => {
      setAnnouncement(t("gath.attendees.added", { count: added }));
      setChosen([]);
      setLevels([]);
      setAll(false);
      setIdentifiers("");
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (a: Attendee) => api.attendeeRemove(id, a.id),
    onSuccess: (_v, a) => {
      setAnnouncement(t("gath.attendees.removed", { name: a.name }));
      return refresh();
    },
  });
  const toggle = (list: number[], set: (x: number[]) => void, value: number) =>
    set(list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setIdentifiers((await file.text()).trim());
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    remove.reset();
    add.mutate();
  }
  const error = add.error ?? remove.error;
  return (
    <section aria-labelledby="gath-att-heading" className="card">
      <h2 id="gath-att-heading">{t("gath.attendees.title", { count: plan.attendees.length })}</h2>
      <div role="status" aria-live="polite">
        {announcement ? <p className="ok">{announcement}</p> : null}
      </div>
      {error ? (
        <div role="alert" className="error">
          {(errorMessages(error).length ? errorMessages(error) : [t("status.error")]).map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit}>
        <fieldset>
          <legend>{t("gath.attendees.byAdministration")}</legend>
          <div className="checks">
            {(administrations.data ?? []).map((a) => (
              <label key={a.id}>
                <input
                  type="checkbox"
                  checked={chosen.includes(a.id)}
                  onChange={() => toggle(chosen, setChosen, a.id)}
                />{" "}
                {a.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("gath.attendees.byLevel")}</legend>
          <div className="checks">
            {[1, 2, 3].map((level) => (
              <label key={level}>
                <input
                  type="checkbox"
                  checked={levels.includes(level)}
                  onChange={() => toggle(levels, setLevels, level)}
                />{" "}
                {t(`gath.level.${level}` as "gath.level.1")}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />{" "}
          {t("gath.attendees.all")}
        </label>
        <div className="field">
          <label htmlFor="gath-identifiers">{t("gath.attendees.list")}</label>
          <p id="gath-identifiers-help" className="muted small">
            {t("gath.attendees.listHelp")}
          </p>
          <textarea
            id="gath-identifiers"
            rows={3}
            aria-describedby="gath-identifiers-help"
            value={identifiers}
            onChange={(e) => setIdentifiers(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="gath-file">{t("gath.attendees.file")}</label>
          <input id="gath-file" type="file" accept=".txt,.csv,text/plain,text/csv" onChange={onFile} />
        </div>
        <button type="submit" disabled={add.isPending}>
          {t("gath.attendees.add")}
        </button>
      </form>
      {plan.attendees.length > 0 ? (
        <details>
          <summary>{t("gath.attendees.show")}</summary>
          <table className="wrap-table">
            <caption className="visually-hidden">{t("gath.attendees.show")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gath.col.name")}</th>
                <th scope="col">{t("gath.col.administration")}</th>
                <th scope="col">{t("gath.col.title")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("gath.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.attendees.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.administration ?? ""}</td>
                  <td>{a.role_title}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => remove.mutate(a)}>
                      {t("gath.attendees.remove", { name: a.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}

function ComposePanel({ plan }: { plan: GatheringPlan }) {
  const { t } = useI18n();
  const id = plan.gathering.id;
  const setPlan = usePlanSetter(id);
  const [announcement, setAnnouncement] = useState("");
  const compose = useMutation({
    mutationFn: () => api.gatheringCompose(id),
    onSuccess: (next) => {
      setAnnouncement(t("gath.compose.done", { rounds: next.rounds.length }));
      return setPlan(next);
    },
  });
  const move = useMutation({
    mutationFn: (body: { round: number; leader: number; table: number; name: string }) =>
      api.seatMove(id, body),
    onSuccess: (next, body) => {
      setAnnouncement(t("gath.move.done", { name: body.name, table: body.table, round: body.round }));
      return setPlan(next);
    },
  });
  const error = compose.error ?? move.error;
  const composed = plan.rounds.length > 0;
  return (
    <section aria-labelledby="gath-compose-heading">
      <h2 id="gath-compose-heading">{t("gath.compose.title")}</h2>
      <p>{t("gath.compose.intro")}</p>
      <ComposerPrivacy />
      <div className="actions">
        <button
          type="button"
          disabled={compose.isPending || plan.attendees.length === 0}
          onClick={() => {
            move.reset();
            compose.mutate();
          }}
        >
          {composed ? t("gath.compose.again") : t("gath.compose.run")}
        </button>
        {composed ? (
          <Link to={`/hr/gatherings/${id}/print`}>{t("gath.print.link")}</Link>
        ) : null}
      </div>
      {compose.isPending ? <p role="status">{t("gath.compose.busy")}</p> : null}
      <div role="status" aria-live="polite">
        {announcement ? <p className="ok">{announcement}</p> : null}
      </div>
      {error ? (
        <div role="alert" className="error">
          {(errorMessages(error).length ? errorMessages(error) : [t("status.error")]).map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      {plan.rounds.map((r) => (
        <RoundView
          key={r.number}
          plan={plan}
          round={r}
          onMove={(leader, name, table) => {
            compose.reset();
            move.mutate({ round: r.number, leader, table, name });
          }}
        />
      ))}
    </section>
  );
}

function RoundView({
  plan,
  round,
  onMove,
}: {
  plan: GatheringPlan;
  round: GatheringRound;
  onMove: (leader: number, name: string, table: number) => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`gath-round-${round.number}`} className="card">
      <h3 id={`gath-round-${round.number}`}>{t("gath.round.title", { round: round.number })}</h3>
      <p>
        {t("gath.round.new", { count: round.new_pairs, pairs: round.pairs })}
        {round.number > 1 ? ` ${t("gath.round.repeated", { count: round.repeated_pairs })}` : ""}
      </p>
      <ol className="items groups">
        {round.tables.map((table) => (
          <li key={table.number}>
            <TableCard plan={plan} round={round} table={table} onMove={onMove} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function TableCard({
  plan,
  round,
  table,
  onMove,
}: {
  plan: GatheringPlan;
  round: GatheringRound;
  table: GatheringTable;
  onMove: (leader: number, name: string, table: number) => void;
}) {
  const { t } = useI18n();
  const text = useWarningText(plan);
  const choices = [...round.tables.map((x) => x.number), round.tables.length + 1];
  const headingId = `gath-r${round.number}-t${table.number}`;
  return (
    <article aria-labelledby={headingId} className="card">
      <h4 id={headingId}>
        {t("gath.table.title", { round: round.number, table: table.number })}{" "}
        <span className="muted small">
          {t("gath.table.mix", { count: table.members.length, admins: table.administrations, fresh: table.new_pairs })}
        </span>
      </h4>
      {table.warnings.length > 0 ? (
        <ul className="warn-card">
          {table.warnings.map((w) => (
            <li key={`${w.rule}-${w.leaders.join("-")}`}>{text(w, table)}</li>
          ))}
        </ul>
      ) : null}
      <table className="wrap-table">
        <caption className="visually-hidden">
          {t("gath.table.title", { round: round.number, table: table.number })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("gath.col.name")}</th>
            <th scope="col">{t("gath.col.administration")}</th>
            <th scope="col">{t("gath.col.move")}</th>
          </tr>
        </thead>
        <tbody>
          {table.members.map((m) => (
            <MemberRow key={m.id} member={m} table={table.number} choices={choices} onMove={onMove} round={round.number} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

function MemberRow({
  member,
  table,
  round,
  choices,
  onMove,
}: {
  member: Attendee;
  table: number;
  round: number;
  choices: number[];
  onMove: (leader: number, name: string, table: number) => void;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState(choices.find((x) => x !== table) ?? table);
  const selectId = `gath-move-${round}-${member.id}`;
  return (
    <tr>
      <th scope="row">
        {member.name}
        <br />
        <span className="muted small">{member.role_title}</span>
      </th>
      <td>{member.administration ?? ""}</td>
      <td>
        <div className="inline-form">
          <label htmlFor={selectId} className="visually-hidden">
            {t("gath.move.to", { name: member.name })}
          </label>
          <select id={selectId} value={target} onChange={(e) => setTarget(Number(e.target.value))}>
            {choices
              .filter((x) => x !== table)
              .map((x) => (
                <option key={x} value={x}>
                  {t("gath.move.table", { table: x })}
                </option>
              ))}
          </select>
          <button type="button" className="secondary" onClick={() => onMove(member.id, member.name, target)}>
            {t("gath.move.short")}
            <span className="visually-hidden"> {member.name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}
