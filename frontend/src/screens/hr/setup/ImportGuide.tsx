import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { importQueries, importTemplateUrl } from "../../../api/imports";
import type { ImportColumn } from "../../../api/imports";
import { Page } from "../../../components/Page";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n";

/** The two template downloads, as links (the browser keeps the session cookie). */
export function TemplateLinks() {
  const { t } = useI18n();
  return (
    <p className="actions">
      <a className="button-link" href={importTemplateUrl("xlsx")} download>
        {t("hrsetup.import.templateXlsx")}
      </a>
      <a className="button-link" href={importTemplateUrl("csv")} download>
        {t("hrsetup.import.templateCsv")}
      </a>
    </p>
  );
}

/** HR: the import's column guide — every heading, what it takes, and the rules of the file. */
export function ImportGuide() {
  const { t } = useI18n();
  const columns = useQuery(importQueries.columns());
  return (
    <Page title={t("hrsetup.guide.title")}>
      <p>{t("hrsetup.guide.intro")}</p>
      <TemplateLinks />
      <p>
        <Link to="/hr/import">{t("hrsetup.guide.toImport")}</Link>
      </p>
      <section aria-labelledby="guide-rules">
        <h2 id="guide-rules">{t("hrsetup.guide.rules")}</h2>
        <ul>
          <li>{t("hrsetup.guide.rule.allOrNothing")}</li>
          <li>{t("hrsetup.guide.rule.headings")}</li>
          <li>{t("hrsetup.guide.rule.reimport")}</li>
          <li>{t("hrsetup.guide.rule.missing")}</li>
          <li>{t("hrsetup.guide.rule.yesno")}</li>
          <li>{t("hrsetup.guide.rule.formats")}</li>
          <li>{t("hrsetup.guide.rule.zeros")}</li>
          <li>{t("hrsetup.guide.rule.formulas")}</li>
          <li>{t("hrsetup.guide.rule.limits")}</li>
        </ul>
      </section>
      <section aria-labelledby="guide-columns">
        <h2 id="guide-columns">{t("hrsetup.guide.columns")}</h2>
        {columns.isPending ? <Loading /> : null}
        {columns.isError ? <ErrorView error={columns.error} /> : null}
        {columns.isSuccess ? <ColumnTable columns={columns.data} /> : null}
      </section>
      <section aria-labelledby="guide-types">
        <h2 id="guide-types">{t("hrsetup.guide.types")}</h2>
        <p>{t("hrsetup.guide.types.list")}</p>
      </section>
    </Page>
  );
}

function ColumnTable({ columns }: { columns: ImportColumn[] }) {
  const { t } = useI18n();
  return (
    <div className="wrap-table">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("hrsetup.guide.heading")}</th>
            <th scope="col">{t("hrsetup.guide.required")}</th>
            <th scope="col">{t("hrsetup.guide.values")}</th>
            <th scope="col">{t("hrsetup.guide.example")}</th>
            <th scope="col">{t("hrsetup.guide.aliases")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.key} id={`column-${column.key}`}>
              <th scope="row">
                <code>{column.header}</code>
              </th>
              <td>
                {column.value_required
                  ? t("hrsetup.guide.required.yes")
                  : column.required
                    ? t("hrsetup.guide.required.column")
                    : t("hrsetup.guide.required.no")}
              </td>
              <td>{t(`hrsetup.guide.col.${column.key}` as MessageKey)}</td>
              <td>
                <code>{column.example}</code>
              </td>
              <td className="small">{column.aliases.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
