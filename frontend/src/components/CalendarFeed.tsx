import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../api/client";
import * as onboarding from "../api/onboarding";
import { onboardingKeys, onboardingQueries } from "../api/onboarding";
import { useI18n } from "../i18n";
import { ErrorView, Loading } from "./Status";

/**
 * The leader's personal calendar feed: the secret URL to subscribe to, a copy button, and a
 * new link on request (the old one then stops working).
 */
export function CalendarFeed() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(onboardingQueries.calendarFeed());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  const rotate = useMutation({
    mutationFn: onboarding.calendarFeedRotate,
    onSuccess: (feed) => {
      queryClient.setQueryData(onboardingKeys.calendarFeed(), feed);
      setConfirming(false);
      setMessage(t("lnet.feed.rotated"));
    },
  });
  const feed = state.data ?? null;

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t("lnet.feed.copied"));
    } catch {
      // No clipboard (an insecure origin or a refused permission): select it for the user.
      (document.getElementById("lnet-feed-url") as HTMLInputElement | null)?.select();
      setMessage(t("lnet.feed.copyByHand"));
    }
  }

  return (
    <section className="card" aria-labelledby="lnet-feed">
      <h2 id="lnet-feed">{t("lnet.feed.title")}</h2>
      <p>{t("lnet.feed.intro")}</p>
      {state.isPending ? <Loading /> : null}
      {state.isError && !(state.error instanceof ApiError && state.error.status === 404) ? (
        <ErrorView error={state.error} />
      ) : null}
      {feed ? (
        <>
          <div className="form">
            <div className="field">
              <label htmlFor="lnet-feed-url">{t("lnet.feed.url")}</label>
              <input
                id="lnet-feed-url"
                type="text"
                readOnly
                value={feed.url}
                onFocus={(e) => e.target.select()}
              />
            </div>
          </div>
          <p className="small">{t("lnet.feed.secret")}</p>
          <div className="actions">
            <button type="button" onClick={() => copy(feed.url)}>
              {t("lnet.feed.copy")}
            </button>
            {!confirming ? (
              <button type="button" className="secondary" onClick={() => setConfirming(true)}>
                {t("lnet.feed.rotate")}
              </button>
            ) : null}
          </div>
          {confirming ? (
            <div className="help">
              <p>{t("lnet.feed.rotateWarning")}</p>
              <div className="actions">
                <button type="button" onClick={() => rotate.mutate()}>
                  {t("lnet.feed.rotateConfirm")}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {t("item.cancel")}
                </button>
              </div>
            </div>
          ) : null}
        </>
      ) : null}
      {rotate.isError ? <ErrorView error={rotate.error} /> : null}
      <p role="status" className="ok">
        {message}
      </p>
    </section>
  );
}
