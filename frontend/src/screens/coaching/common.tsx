/** Small pieces the coaching screens share: status words, dates, a contact card. */
import type { CoachRequestStatus, Preference } from "../../api/coaching";
import type { MessageKey } from "../../i18n";
import { useI18n } from "../../i18n";

export const STATUS_TEXT: Record<CoachRequestStatus, MessageKey> = {
  open: "coach.status.open",
  assigned: "coach.status.assigned",
  finished: "coach.status.finished",
  withdrawn: "coach.status.withdrawn",
  closed: "coach.status.closed",
};

export const PREFERENCE_TEXT: Record<Preference, MessageKey> = {
  internal: "coach.preference.internal",
  external: "coach.preference.external",
  any: "coach.preference.any",
};

/** A date in the reader's language ("5. december 2026" / "5 December 2026"). */
export function useDate(): (iso: string | null | undefined) => string {
  const { language } = useI18n();
  const format = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return (iso) => (iso ? format.format(new Date(iso)) : "");
}

export interface Contact {
  name: string;
  firm: string;
  email: string;
  phone: string;
}

/** Name, firm or unit, and how to reach someone. */
export function ContactCard({ contact, heading }: { contact: Contact; heading?: string }) {
  const { t } = useI18n();
  return (
    <div className="card">
      {heading ? <h3>{heading}</h3> : null}
      <p>
        <strong>{contact.name}</strong>
        {contact.firm ? ` · ${contact.firm}` : ""}
      </p>
      <dl>
        {contact.email ? (
          <>
            <dt>{t("coach.contact.email")}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </>
        ) : null}
        {contact.phone ? (
          <>
            <dt>{t("coach.contact.phone")}</dt>
            <dd>
              <a href={`tel:${contact.phone}`}>{contact.phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
