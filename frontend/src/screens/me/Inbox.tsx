import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import * as me from "../../api/me";
import { meKeys, meQueries } from "../../api/me";
import type { Notification } from "../../api/me";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";

const GROUP: Partial<Record<string, MessageKey>> = {
  mentoring: "lself.inbox.group.mentoring",
  networks: "lself.inbox.group.networks",
  onboarding: "lself.inbox.group.onboarding",
};

/** The user's notifications, newest first: open one (it is then read), or mark them read. */
export function Inbox() {
  const { t, number } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(meQueries.notifications());
  const [done, setDone] = useState<number | null>(null);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: meKeys.notifications() });
  const readAll = useMutation({
    mutationFn: me.notificationsReadAll,
    onSuccess: (marked) => {
      setDone(marked);
      return refresh();
    },
  });
  const unread = (state.data ?? []).filter((n) => n.read_at === null).length;
  const shown = (state.data ?? []).filter((n) => !onlyUnread || n.read_at === null);

  return (
    <Page title={t("lself.inbox.title")}>
      <p>{t("lself.inbox.intro")}</p>
      <p>
        <Link to="/me/profile#lself-email">{t("lself.inbox.settings")}</Link>
      </p>
      <p role="status" className="ok">
        {done !== null ? t("lself.inbox.allRead", { count: number(done) }) : ""}
      </p>
      {readAll.error ? <ErrorView error={readAll.error} /> : null}
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {state.isSuccess && state.data.length === 0 ? <p>{t("lself.inbox.none")}</p> : null}
      {state.isSuccess && state.data.length > 0 ? (
        <>
          <div className="actions">
            <p>{t("lself.inbox.unread", { count: number(unread) })}</p>
            <button
              type="button"
              disabled={unread === 0 || readAll.isPending}
              onClick={() => readAll.mutate()}
            >
              {t("lself.inbox.readAll")}
            </button>
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={onlyUnread}
              onChange={(event) => setOnlyUnread(event.target.checked)}
            />
            {t("lself.inbox.onlyUnread")}
          </label>
          {shown.length === 0 ? <p>{t("lself.inbox.noneUnread")}</p> : null}
          <ul className="items inbox">
            {shown.map((notification) => (
              <li key={notification.id}>
                <NotificationCard notification={notification} onChange={refresh} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

function NotificationCard({
  notification,
  onChange,
}: {
  notification: Notification;
  onChange: () => Promise<unknown>;
}) {
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const read = useMutation({ mutationFn: () => me.notificationRead(notification.id) });
  const isUnread = notification.read_at === null;
  const titleId = `notification-${notification.id}`;
  const group: MessageKey | undefined = GROUP[notification.kind.split(".")[0] ?? ""];

  async function open(event: React.MouseEvent<HTMLAnchorElement>) {
    // A new tab or window (Ctrl/⌘/Shift-click) opens the link as the browser does; read anyway.
    const elsewhere = event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0;
    if (!elsewhere) event.preventDefault();
    if (isUnread) await read.mutateAsync().catch(() => undefined);
    void onChange();
    if (!elsewhere && notification.url) navigate(notification.url);
  }

  return (
    <article
      className={isUnread ? "card notification unread" : "card notification"}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="card-title">
        {isUnread ? <span className="badge">{t("lself.inbox.new")}</span> : null}{" "}
        {notification.subject}
      </h2>
      <p className="muted">
        {[group ? t(group) : null, dateTime(notification.created_at)].filter(Boolean).join(" · ")}
      </p>
      {notification.body ? <p>{notification.body}</p> : null}
      <div className="actions">
        {notification.url ? (
          <a
            href={notification.url}
            onClick={open}
            className="button-link"
            aria-label={`${t("lself.inbox.open")}: ${notification.subject}`}
          >
            {t("lself.inbox.open")}
          </a>
        ) : null}
        {isUnread ? (
          <button
            type="button"
            className="secondary"
            disabled={read.isPending}
            onClick={() => read.mutate(undefined, { onSuccess: () => onChange() })}
            aria-label={`${t("lself.inbox.markRead")}: ${notification.subject}`}
          >
            {t("lself.inbox.markRead")}
          </button>
        ) : null}
      </div>
    </article>
  );
}
