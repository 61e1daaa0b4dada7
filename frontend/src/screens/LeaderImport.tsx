import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { FormEvent } from "react";
import * as imports from "../api/imports";
import type { ImportResult } from "../api/imports";
import { Page } from "../components/Page";
import { ErrorView } from "../components/Status";
import { useI18n } from "../i18n";
import { TemplateLinks } from "./hr/setup/ImportGuide";

/** HR: upload the HR system's export, preview it with errors per row, then confirm. */
export function LeaderImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      imports.leadersImport(file, dryRun),
    onSuccess: (result, { dryRun }) => {
      if (dryRun) {
        setPreview(result);
        setDone(null);
        return;
      }
      setDone(result);
      if (result.ok) setPreview(null);
      // An import touches leaders, units, plans and networks: refetch whatever is cached.
      if (result.ok) return queryClient.invalidateQueries();
    },
  });
  const error = upload.error;
  const busy = upload.isPending;

  function run(dryRun: boolean) {
    if (file) upload.mutate({ file, dryRun });
  }

  function onPreview(event: FormEvent) {
    event.preventDefault();
    void run(true);
  }

  const shown = done ?? preview;
  return (
    <Page title={t("import.title")}>
      <p>{t("import.intro")}</p>
      <TemplateLinks />
      <p>
        <Link to="/hr/setup/import-guide">{t("hrsetup.import.guideLink")}</Link>
      </p>
      <form onSubmit={onPreview} className="card form">
        <div className="field">
          <label htmlFor="import-file">{t("import.file")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
            }}
          />
          <p id="import-file-hint" className="muted small">
            {t("import.fileHint")}
          </p>
        </div>
        <button type="submit" disabled={!file || busy}>
          {t("import.preview")}
        </button>
      </form>
      {error ? <ErrorView error={error} /> : null}
      <div role="status" aria-live="polite">
        {shown ? (
          <section className="card" aria-labelledby="import-result">
            <h2 id="import-result">
              {done
                ? done.ok
                  ? t("import.done")
                  : t("import.failed")
                : shown.ok
                  ? t("import.previewOk")
                  : t("import.previewErrors", { count: shown.errors_total })}
            </h2>
            <ul>
              <li>{t("import.rows", { count: shown.rows })}</li>
              <li>{t("import.created", { count: shown.leaders_created })}</li>
              <li>{t("import.updated", { count: shown.leaders_updated })}</li>
              <li>{t("import.unchanged", { count: shown.leaders_unchanged })}</li>
            </ul>
          </section>
        ) : null}
      </div>
      {shown && shown.errors.length > 0 ? (
        <table>
          <caption>{t("import.errors")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.row")}</th>
              <th scope="col">{t("import.column")}</th>
              <th scope="col">{t("import.message")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.errors.map((row, index) => (
              <tr key={index}>
                <td>{row.row ?? "–"}</td>
                <td>{row.column ?? "–"}</td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {shown && shown.errors.length > 0 ? (
        <p>
          {t("hrsetup.import.errorsGuide")}{" "}
          <Link to="/hr/setup/import-guide">{t("hrsetup.import.errorsGuideLink")}</Link>
        </p>
      ) : null}
      {preview && preview.ok && !done ? (
        <button type="button" disabled={busy} onClick={() => run(false)}>
          {t("import.confirm")}
        </button>
      ) : null}
    </Page>
  );
}
