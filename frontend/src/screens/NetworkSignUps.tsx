import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import * as networks from "../api/networks";
import { networksKeys, networksQueries } from "../api/networks";
import type { SignUpDetail } from "../api/networks";
import { Page } from "../components/Page";
import { ErrorView, Loading } from "../components/Status";
import { useI18n } from "../i18n";

/** Today as YYYY-MM-DD in the browser's own time zone. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Learning networks HR composes after sign-up: sign up, or withdraw before the groups. */
export function NetworkSignUps() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(networksQueries.mySignUps());
  // Kept as what was done, so the message follows a language switch.
  const [done, setDone] = useState<{ register: boolean; theme: string } | null>(null);
  const action = useMutation({
    mutationFn: ({ signUp, register }: { signUp: SignUpDetail; register: boolean }) =>
      register ? networks.register(signUp.id) : networks.withdraw(signUp.id),
    onSuccess: (_data, { signUp, register }) => {
      setDone({ register, theme: signUp.theme });
      return queryClient.invalidateQueries({ queryKey: networksKeys.signups() });
    },
  });
  const error = action.error;
  const act = (signUp: SignUpDetail, register: boolean) => action.mutate({ signUp, register });

  return (
    <Page title={t("lnet.signups.title")}>
      <p>{t("lnet.signups.intro")}</p>
      <p role="status" className="ok">
        {done
          ? t(done.register ? "lnet.signups.registered" : "lnet.signups.withdrawn", {
              theme: done.theme,
            })
          : ""}
      </p>
      {error ? <ErrorView error={error} /> : null}
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess && state.data.length === 0 ? <p>{t("lnet.signups.none")}</p> : null}
      {state.isSuccess ? (
        <ul className="items">
          {state.data.map((signUp) => (
            <li key={signUp.id}>
              <SignUpCard signUp={signUp} onAct={(register) => act(signUp, register)} />
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function SignUpCard({
  signUp,
  onAct,
}: {
  signUp: SignUpDetail;
  onAct: (register: boolean) => void;
}) {
  const { t, date } = useI18n();
  const id = `lnet-signup-${signUp.id}`;
  const open = signUp.status === "open" && signUp.deadline >= today();
  return (
    <article className="card" aria-labelledby={id}>
      <h2 id={id}>{signUp.theme}</h2>
      {signUp.description ? <p>{signUp.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t("lnet.signups.deadline")}</dt>
          <dd>{date(signUp.deadline)}</dd>
        </div>
        <div>
          <dt>{t("lnet.signups.size")}</dt>
          <dd>
            {t("lnet.signups.sizeValue", {
              min: signUp.min_size ?? 5,
              max: signUp.max_size ?? 7,
            })}
          </dd>
        </div>
        <div>
          <dt>{t("lnet.signups.count")}</dt>
          <dd>{signUp.registration_count}</dd>
        </div>
      </dl>
      {signUp.registered ? <p className="ok">{t("lnet.signups.youAre")}</p> : null}
      {open ? (
        <div className="actions">
          {signUp.registered ? (
            <button type="button" className="secondary" onClick={() => onAct(false)}>
              {t("lnet.signups.withdraw")}
              <span className="visually-hidden"> – {signUp.theme}</span>
            </button>
          ) : (
            <button type="button" onClick={() => onAct(true)}>
              {t("lnet.signups.register")}
              <span className="visually-hidden"> – {signUp.theme}</span>
            </button>
          )}
        </div>
      ) : (
        <p>
          {signUp.status === "open" || signUp.status === "drafted"
            ? t("lnet.signups.closed")
            : signUp.status === "published"
              ? t("lnet.signups.published")
              : t("lnet.signups.cancelled")}
        </p>
      )}
    </article>
  );
}
