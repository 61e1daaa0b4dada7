import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../api/client";
import * as networks from "../api/networks";
import { networksQueries } from "../api/networks";
import type { DraftMember, GroupDraft, Network, Violation } from "../api/networks";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n";

const RULES: Record<string, MessageKey> = {
  line: "hrnet.rule.line",
  unit: "hrnet.rule.unit",
  apart: "hrnet.rule.apart",
  group_size: "hrnet.rule.group_size",
};

/** How many members of a group come from each administration, largest first, then by name. */
export function administrationMix(members: readonly DraftMember[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of members) {
    const name = m.administration ?? "";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The 0-based numbers of the groups a broken rule touches (to say "group 2 breaks a rule"). */
export function groupsOf(violation: Violation, draft: GroupDraft): number[] {
  const ids = new Set(violation.leaders);
  return draft.groups
    .map((group, k) => (group.members.some((m) => ids.has(m.id)) ? k : -1))
    .filter((k) => k >= 0);
}

/** Every message in an API error (field errors included), for actions whose errors are rules. */
function errorMessages(error: unknown): string[] {
  if (!(error instanceof ApiError) || typeof error.body !== "object" || error.body === null) {
    return [];
  }
  return Object.values(error.body as Record<string, unknown>).flatMap((v) =>
    typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === "string") : [],
  );
}

function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error">
      <p>{t("status.error")}</p>
      {errorMessages(error).map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

/**
 * HR reviews the composer's groups: who is in each, the administration mix, the objective and
 * any broken hard rule; moves a person with a select and a button (keyboard first, no dragging);
 * publishes after a confirmation and sees the learning networks created.
 */
export function DraftReview({ initial, onPublished }: { initial: GroupDraft; onPublished: () => unknown }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [confirming, setConfirming] = useState(false);
  const names = new Map(draft.groups.flatMap((g) => g.members.map((m) => [m.id, m.name] as const)));
  const editable = draft.status === "draft";
  const decimal = (n: number) =>
    n.toLocaleString(t("hrnet.locale"), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  /** The API answers a change with the whole draft: show it and keep it in the cache. */
  function setDraft(next: GroupDraft) {
    setDraftState(next);
    queryClient.setQueryData(networksQueries.draft(next.id).queryKey, next);
  }

  const move = useMutation({
    mutationFn: ({ member, toGroup }: { member: DraftMember; toGroup: number }) =>
      networks.draftMove(draft.id, member.id, toGroup),
    onSuccess: (next, { member }) => {
      setDraft(next);
      const landed = next.groups.findIndex((g) => g.members.some((m) => m.id === member.id));
      setAnnouncement(t("hrnet.move.done", { name: member.name, group: landed + 1 }));
    },
  });
  const publish = useMutation({
    mutationFn: () => networks.draftPublish(draft.id),
    onSuccess: (next) => {
      setDraft(next);
      setConfirming(false);
      setAnnouncement(t("hrnet.publish.done", { count: next.networks.length }));
      onPublished();
    },
    onError: () => setConfirming(false),
  });
  // The last action's error (a new action clears it).
  const error = move.error ?? publish.error;

  async function onMove(member: DraftMember, toGroup: number) {
    publish.reset();
    await move.mutateAsync({ member, toGroup }).catch(() => undefined);
  }

  function onPublish() {
    move.reset();
    publish.mutate();
  }

  return (
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">
        {editable ? t("hrnet.draft.title") : t("hrnet.draft.publishedTitle")}
      </h2>
      <p>{t("hrnet.draft.intro")}</p>
      <dl className="facts">
        <div>
          <dt>{t("hrnet.draft.groups")}</dt>
          <dd>{draft.groups.length}</dd>
        </div>
        <div>
          <dt>{t("hrnet.draft.objective")}</dt>
          <dd>{decimal(draft.objective)}</dd>
        </div>
        <div>
          <dt>{t("hrnet.draft.composerObjective")}</dt>
          <dd>{decimal(draft.composer_objective)}</dd>
        </div>
      </dl>
      <p className="muted small">{t("hrnet.draft.objectiveHelp")}</p>
      <div role="status" aria-live="polite">
        {announcement ? <p className="ok">{announcement}</p> : null}
      </div>
      {draft.violations.length > 0 ? (
        <div className="card warn-card">
          <h3>{t("hrnet.violations.title", { count: draft.violations.length })}</h3>
          <ul>
            {draft.violations.map((v) => (
              <li key={`${v.rule}-${v.leaders.join("-")}`}>
                {t(RULES[v.rule] ?? "hrnet.rule.other", {
                  names: v.leaders.map((id) => names.get(id) ?? String(id)).join(", "),
                  groups: groupsOf(v, draft)
                    .map((k) => k + 1)
                    .join(", "),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : editable ? (
        <p>{t("hrnet.violations.none")}</p>
      ) : null}
      {error ? <ActionError error={error} /> : null}
      {draft.status === "published" ? <PublishedNetworks ids={draft.networks} /> : null}
      <ol className="items groups">
        {draft.groups.map((group, k) => (
          <li key={group.number}>
            <GroupCard
              draft={draft}
              index={k}
              broken={draft.violations.some((v) => groupsOf(v, draft).includes(k))}
              onMove={editable ? onMove : null}
            />
          </li>
        ))}
      </ol>
      {editable ? (
        <section aria-labelledby="publish-heading" className="card">
          <h3 id="publish-heading">{t("hrnet.publish.title")}</h3>
          {draft.violations.length > 0 ? <p>{t("hrnet.publish.blocked")}</p> : null}
          {confirming ? (
            <div role="group" aria-labelledby="publish-confirm">
              <p id="publish-confirm">
                <strong>{t("hrnet.publish.confirm", { count: draft.groups.length })}</strong>
              </p>
              <div className="actions">
                <button type="button" onClick={onPublish}>
                  {t("hrnet.publish.yes")}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {t("hrnet.publish.no")}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              onClick={() => setConfirming(true)}
              disabled={draft.violations.length > 0}
            >
              {t("hrnet.publish.start")}
            </button>
          )}
        </section>
      ) : null}
    </section>
  );
}

/** The column heads of a table of leaders: name, role, unit, administration. */
export function LeaderHeadCells() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t("hrnet.col.name")}</th>
      <th scope="col">{t("hrnet.col.role")}</th>
      <th scope="col">{t("hrnet.col.unit")}</th>
      <th scope="col">{t("hrnet.col.administration")}</th>
    </>
  );
}

/** A leader's cells under `LeaderHeadCells`; the name heads the row. */
export function LeaderCells({ leader }: { leader: DraftMember }) {
  return (
    <>
      <th scope="row">{leader.name}</th>
      <td>{leader.role_title}</td>
      <td>{leader.unit ?? ""}</td>
      <td>{leader.administration ?? ""}</td>
    </>
  );
}

function GroupCard({
  draft,
  index,
  broken,
  onMove,
}: {
  draft: GroupDraft;
  index: number;
  broken: boolean;
  onMove: ((member: DraftMember, toGroup: number) => Promise<void>) | null;
}) {
  const { t } = useI18n();
  const group = draft.groups[index]!;
  const headingId = `group-${index}`;
  const mix = administrationMix(group.members);
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("hrnet.group.title", { number: index + 1, count: group.members.length })}
        {broken ? <span className="badge warn">{t("hrnet.group.broken")}</span> : null}
      </h3>
      <p className="small">
        {t("hrnet.group.mix", {
          mix: mix.map((x) => `${x.name || t("hrnet.group.noAdministration")} ${x.count}`).join(", "),
        })}
      </p>
      <table>
        <caption className="visually-hidden">
          {t("hrnet.group.title", { number: index + 1, count: group.members.length })}
        </caption>
        <thead>
          <tr>
            <LeaderHeadCells />
            {onMove ? <th scope="col">{t("hrnet.col.move")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {group.members.map((member) => (
            <tr key={member.id}>
              <LeaderCells leader={member} />
              {onMove ? (
                <td>
                  <MoveForm
                    key={`${index}-${draft.groups.length}`}
                    member={member}
                    current={index}
                    groupCount={draft.groups.length}
                    onMove={onMove}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function MoveForm({
  member,
  current,
  groupCount,
  onMove,
}: {
  member: DraftMember;
  current: number;
  groupCount: number;
  onMove: (member: DraftMember, toGroup: number) => Promise<void>;
}) {
  const { t } = useI18n();
  const others = Array.from({ length: groupCount + 1 }, (_, k) => k).filter((k) => k !== current);
  const [target, setTarget] = useState(String(others[0] ?? ""));
  const [busy, setBusy] = useState(false);
  const selectId = `move-${member.id}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onMove(member, Number(target));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form move-form" onSubmit={onSubmit}>
      <label htmlFor={selectId} className="visually-hidden">
        {t("hrnet.move.label", { name: member.name })}
      </label>
      <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
        {others.map((k) => (
          <option key={k} value={k}>
            {k === groupCount ? t("hrnet.move.newGroup") : t("hrnet.move.toGroup", { number: k + 1 })}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={busy}>
        {t("hrnet.move.submit")}
        <span className="visually-hidden"> {member.name}</span>
      </button>
    </form>
  );
}

/** A network by name and head count; a suppressed count (a private network of fewer than 5,
 * for someone outside it) reads "fewer than 5 members". */
export function publishedNetworkLabel(
  n: Pick<Network, "name" | "member_count">,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
): string {
  return n.member_count === null
    ? t("hrnet.published.networkFew", { name: n.name })
    : t("hrnet.published.network", { name: n.name, count: n.member_count });
}

/** The learning networks a published draft created, by name and head count. */
function PublishedNetworks({ ids }: { ids: number[] }) {
  const { t } = useI18n();
  const state = useQuery(networksQueries.networks(ids));
  return (
    <div className="card">
      <h3>{t("hrnet.published.title", { count: ids.length })}</h3>
      {state.isSuccess ? (
        <ul>
          {state.data.map((n) => (
            <li key={n.id}>{publishedNetworkLabel(n, t)}</li>
          ))}
        </ul>
      ) : null}
      {state.isError ? <ActionError error={state.error} /> : null}
    </div>
  );
}
