import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import * as mentoring from "../../../api/mentoring";
import { mentoringKeys, mentoringQueries } from "../../../api/mentoring";
import type { MatchRun } from "../../../api/mentoring";
import { ErrorView } from "../../../components/Status";
import { useI18n } from "../../../i18n";
import { finished } from "./shared";

/** What a finished run says when there was nothing to match (0 mentors, or 0 mentees). */
function emptyMessage(run: MatchRun, language: string): string | null {
  const result = (run.result ?? {}) as { message?: string; message_da?: string };
  return (language === "da" ? result.message_da : result.message) ?? null;
}

/** HR: start a run and follow it with a live progress bar (the run is polled). */
export function MatchRunPanel({
  programmeId,
  lastRun,
  queued,
}: {
  programmeId: number;
  lastRun: MatchRun | null;
  queued: number;
}) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<number | null>(lastRun?.id ?? null);
  const polled = useQuery({
    ...mentoringQueries.matchRun(runId ?? 0),
    enabled: runId !== null,
    initialData: lastRun && lastRun.id === runId ? lastRun : undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
  });
  const run = runId === null ? null : (polled.data ?? null);
  const running = run !== null && (run.status === "queued" || run.status === "running");
  const start = useMutation({
    mutationFn: () => mentoring.matchRunStart(programmeId),
    onSuccess: (started) => {
      queryClient.setQueryData(mentoringKeys.matchRun(started.id), started);
      setRunId(started.id);
      if (finished(started)) {
        return queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) });
      }
    },
  });
  const wasRunning = useRef(false);
  useEffect(() => {
    if (run === null) return;
    if (finished(run) && wasRunning.current) {
      void queryClient.invalidateQueries({ queryKey: mentoringKeys.programme(programmeId) });
    }
    wasRunning.current = !finished(run);
  }, [run, programmeId, queryClient]);
  const error = start.error ?? polled.error;
  const empty = run && run.status === "succeeded" ? emptyMessage(run, language) : null;

  return (
    <section aria-labelledby="run-heading" className="card">
      <h2 id="run-heading">{t("run.title")}</h2>
      <p>{t("run.intro")}</p>
      <button type="button" onClick={() => start.mutate()} disabled={running}>
        {queued > 0 && lastRun ? t("hrround.run.again", { count: queued }) : t("run.start")}
      </button>
      <div role="status" aria-live="polite">
        {run ? (
          <>
            <progress
              max={100}
              value={run.progress ?? 0}
              aria-label={t("run.progress")}
              data-progress={run.progress ?? 0}
            />
            <p>
              {run.status === "succeeded"
                ? (empty ?? t("run.succeeded"))
                : run.status === "failed"
                  ? t("run.failed")
                  : t("run.running", { percent: run.progress ?? 0 })}
            </p>
          </>
        ) : null}
      </div>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}
