import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { mentoringKeys } from "../api/mentoring";
import { lifeQueries, suggestionChoose } from "../api/mentorshipLife";
import type { Suggestion } from "../api/mentorshipLife";
import { peopleKeys, peopleQueries } from "../api/people";
import { useI18n } from "../i18n";
import { ErrorView, Loading } from "./Status";

/**
 * Self-match: a mentee in a programme where mentees choose picks a mentor from the ranked
 * suggestions, best first, each with the reasons it fits. Choosing asks the mentor (a proposal
 * the mentee has already accepted, with the support needs she ticks shared). Says nothing when
 * the leader has no suggestions.
 */
export function SelfMatch({ onChosen }: { onChosen: (message: string) => void }) {
  const { t, language } = useI18n();
  const state = useQuery(lifeQueries.suggestions());
  const [choosing, setChoosing] = useState<number | null>(null);
  if (state.isPending) return <Loading />;
  if (state.isError) return <ErrorView error={state.error} />;
  if (state.data.length === 0) return null;
  return (
    <section aria-labelledby="self-match" className="self-match">
      <h2 id="self-match">{t("llife.self.title")}</h2>
      <p>{t("llife.self.intro")}</p>
      <ol className="items">
        {state.data.map((suggestion) => {
          const mentor = suggestion.mentor;
          const titleId = `suggestion-${suggestion.id}`;
          return (
            <li key={suggestion.id}>
              <article className="card" aria-labelledby={titleId}>
                <h3 id={titleId}>
                  {t("llife.self.rank", { rank: suggestion.rank })} {mentor.name}
                </h3>
                <p className="muted">
                  {[mentor.role_title, mentor.unit, mentor.administration].filter(Boolean).join(" · ")}
                </p>
                <h4>{t("llife.self.why")}</h4>
                <ul>
                  {(language === "da" ? suggestion.reasons_da : suggestion.reasons).map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
                {suggestion.full ? (
                  <p className="muted">{t("llife.self.full")}</p>
                ) : choosing === suggestion.id ? (
                  <ChooseForm
                    suggestion={suggestion}
                    onCancel={() => setChoosing(null)}
                    onChosen={(message) => {
                      setChoosing(null);
                      onChosen(message);
                    }}
                  />
                ) : (
                  <div className="actions">
                    <button type="button" onClick={() => setChoosing(suggestion.id)}>
                      {t("llife.self.choose", { name: mentor.name })}
                    </button>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Confirm the choice and tick the support needs the mentor may see (none ticked at first). */
function ChooseForm({
  suggestion,
  onCancel,
  onChosen,
}: {
  suggestion: Suggestion;
  onCancel: () => void;
  onChosen: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const needs = useQuery(peopleQueries.mySupportNeeds());
  const form = useForm<{ share: string[] }>({ defaultValues: { share: [] } });
  const choose = useMutation({
    mutationFn: (share: number[]) => suggestionChoose(suggestion.id, share),
    onSuccess: () => {
      onChosen(t("llife.self.chosen", { name: suggestion.mentor.name }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.needs() });
      return queryClient.invalidateQueries({ queryKey: mentoringKeys.mine() });
    },
  });
  const open = (needs.data ?? []).filter((need) => (need.status ?? "open") === "open");
  const legendId = `choose-${suggestion.id}`;
  return (
    <form
      className="form"
      onSubmit={form.handleSubmit(({ share }) => choose.mutate(share.map(Number)))}
    >
      <fieldset className="field" aria-describedby={`${legendId}-hint`}>
        <legend id={legendId}>{t("myProposals.share.title")}</legend>
        <p id={`${legendId}-hint`} className="small">
          {t("myProposals.share.hint")}
        </p>
        {needs.isPending ? <Loading /> : null}
        {needs.isSuccess && open.length === 0 ? <p>{t("myProposals.share.none")}</p> : null}
        {open.map((need) => (
          <label key={need.id} className="choice">
            <input type="checkbox" value={String(need.id)} {...form.register("share")} />
            {language === "da" ? need.topic.label_da : need.topic.label_en || need.topic.label_da}
          </label>
        ))}
      </fieldset>
      {choose.error ? <ErrorView error={choose.error} /> : null}
      <div className="actions">
        <button type="submit" disabled={choose.isPending}>
          {t("llife.self.confirm", { name: suggestion.mentor.name })}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("item.cancel")}
        </button>
      </div>
    </form>
  );
}
