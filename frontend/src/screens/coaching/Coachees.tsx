/** An internal coach's leaders: who they are and how to reach them; mark a coaching finished. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as coaching from "../../api/coaching";
import type { Coachee } from "../../api/coaching";
import { coachingKeys, coachingQueries } from "../../api/coaching";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import { ContactCard, STATUS_TEXT, useDate } from "./common";

export function Coachees() {
  const { t } = useI18n();
  const list = useQuery(coachingQueries.coachees());
  return (
    <Page title={t("coach.coachees.title")}>
      <p>{t("coach.coachees.intro")}</p>
      {list.isPending ? <Loading /> : null}
      {list.error ? <ErrorView error={list.error} /> : null}
      {list.data?.length === 0 ? <p>{t("coach.coachees.none")}</p> : null}
      <ul className="plain">
        {list.data?.map((row) => (
          <CoacheeRow key={row.id} row={row} />
        ))}
      </ul>
    </Page>
  );
}

function CoacheeRow({ row }: { row: Coachee }) {
  const { t } = useI18n();
  const date = useDate();
  const queryClient = useQueryClient();
  const finish = useMutation({
    mutationFn: () => coaching.coacheeFinish(row.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coachingKeys.coachees() }),
  });
  const leader = row.leader;
  return (
    <li>
      <ContactCard
        contact={{ name: leader.name, firm: `${leader.role_title}, ${leader.unit}`, email: leader.email, phone: leader.phone }}
      />
      <p>
        {t(STATUS_TEXT[row.status])} · {t("coach.coachees.since", { date: date(row.assigned_at) })}
      </p>
      {finish.error ? <ErrorView error={finish.error} /> : null}
      {row.status === "assigned" ? (
        <button type="button" onClick={() => finish.mutate()} disabled={finish.isPending}>
          {t("coach.coachees.finish")}
        </button>
      ) : null}
    </li>
  );
}
