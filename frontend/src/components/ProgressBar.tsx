import { useI18n } from "../i18n";
import type { Progress } from "../api/types";

/** A labelled progress bar with the numbers in text, so colour is never the only signal. */
export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  const { t } = useI18n();
  return (
    <div className="progress">
      <progress max={100} value={progress.percent} aria-label={label} />
      <span>
        {t("progress.summary", { done: progress.done, total: progress.total, percent: progress.percent })}
      </span>
    </div>
  );
}
