import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { leaderEntryRouteSet } from "../../../api/catalogue";
import { useState } from "react";
import type { FormEvent } from "react";
import { templateKeys, templateQueries } from "../../../api/templates";
import type { PlanPreview } from "../../../api/templates";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";
import { ENTRY_ROUTES, routeKey } from "./RulesFields";
import type { EntryRoute } from "./RulesFields";

/** Preview the plan a chosen leader would get from today's templates (nothing is saved). */
export function PlanPreviewSection({ hasTemplates }: { hasTemplates: boolean }) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [leaderId, setLeaderId] = useState("");
  const [start, setStart] = useState("");
  const leaders = useQuery({ ...templateQueries.leaders(search), enabled: search !== "" });
  const preview = useQuery({
    ...templateQueries.preview(Number(leaderId), start || undefined),
    enabled: leaderId !== "",
  });
  function onSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(query.trim());
    setLeaderId("");
  }
  if (!hasTemplates) return null;
  return (
    <section aria-labelledby="preview" className="card">
      <h2 id="preview">{t("hrsetup.preview.title")}</h2>
      <p>{t("hrsetup.preview.intro")}</p>
      <form className="inline-form" onSubmit={onSearch} role="search" aria-label={t("hrsetup.preview.search")}>
        <label htmlFor="preview-query">{t("hrsetup.preview.search")}</label>
        <input
          id="preview-query"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit">{t("hrsetup.preview.find")}</button>
      </form>
      {leaders.isError ? <ErrorView error={leaders.error} /> : null}
      {leaders.isSuccess ? (
        leaders.data.length === 0 ? (
          <p>{t("hrsetup.preview.noLeaders")}</p>
        ) : (
          <div className="inline-form">
            <label htmlFor="preview-leader">{t("hrsetup.preview.leader")}</label>
            <select id="preview-leader" value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
              <option value="">{t("hrsetup.preview.chooseLeader")}</option>
              {leaders.data.map((leader) => (
                <option key={leader.id} value={leader.id}>
                  {leader.full_name} ({leader.employee_number})
                  {leader.unit ? `, ${leader.unit.name}` : ""}
                </option>
              ))}
            </select>
            <label htmlFor="preview-start">{t("hrsetup.preview.start")}</label>
            <input id="preview-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
        )
      ) : null}
      {preview.isPending && leaderId !== "" ? <Loading /> : null}
      {preview.isError ? <ErrorView error={preview.error} /> : null}
      {preview.isSuccess ? <PreviewResult preview={preview.data} /> : null}
    </section>
  );
}

function PreviewResult({ preview }: { preview: PlanPreview }) {
  const { t, language } = useI18n();
  const date = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK", {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const name = (row: { name_da: string; name_en: string }) =>
    language === "en" && row.name_en ? row.name_en : row.name_da;
  const titleOf = (id: number | null) =>
    preview.items.find((item) => item.template_item_id === id)?.[
      language === "en" ? "title_en" : "title_da"
    ] ?? "";
  return (
    <div aria-live="polite">
      <h3>
        {t("hrsetup.preview.result", {
          name: preview.leader.full_name,
          date: date.format(new Date(preview.role_start_date)),
        })}
      </h3>
      <EntryRouteField leaderId={preview.leader.id} route={preview.leader.entry_route} />
      <p>
        {t("hrsetup.preview.templates", {
          names: preview.templates.map(name).join(", ") || "–",
        })}
      </p>
      {preview.templates_left_out.length > 0 ? (
        <p className="muted">
          {t("hrsetup.preview.leftOut", { names: preview.templates_left_out.map(name).join(", ") })}
        </p>
      ) : null}
      {preview.items.length === 0 ? (
        <p>{t("hrsetup.preview.empty")}</p>
      ) : (
        <table className="wrap-table">
          <caption>{t("hrsetup.preview.caption", { count: preview.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hrsetup.preview.due")}</th>
              <th scope="col">{t("hrsetup.preview.item")}</th>
              <th scope="col">{t("hrsetup.templates.owner")}</th>
              <th scope="col">{t("hrsetup.templates.after")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.template_item_id}>
                <td>{date.format(new Date(item.due_date))}</td>
                <th scope="row">{language === "en" ? item.title_en : item.title_da}</th>
                <td>
                  {item.owner}
                  {item.owner_fallback ? ` (${t("hrsetup.preview.fallback")})` : ""}
                </td>
                <td>{titleOf(item.depends_on)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The leader's way into the role, which HR sets here; the preview follows at once. */
function EntryRouteField({ leaderId, route }: { leaderId: number; route: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (value: EntryRoute | "") => leaderEntryRouteSet(leaderId, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
  return (
    <div className="inline-form">
      <label htmlFor="preview-route">{t("cat.tpl.entryRoutes")}</label>
      <select
        id="preview-route"
        value={route}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.value as EntryRoute | "")}
      >
        <option value="">{t(routeKey(""))}</option>
        {ENTRY_ROUTES.map((value) => (
          <option key={value} value={value}>
            {t(routeKey(value))}
          </option>
        ))}
      </select>
      {save.error ? <ErrorView error={save.error} /> : null}
    </div>
  );
}
