/** What the catalogue's screens share: an offer's title and text in the chosen language, the
 * status names, and an offer's facts (who delivers it, how long, when, topics). */
import type { Offer, RequestStatus } from "../../api/catalogue";
import type { Topic } from "../../api/types";
import type { Language, MessageKey } from "../../i18n";
import { useI18n } from "../../i18n";

export const statusKey = (status: RequestStatus) => `cat.status.${status}` as MessageKey;

export function offerTitle(offer: Pick<Offer, "title_da" | "title_en">, language: Language) {
  return language === "en" && offer.title_en ? offer.title_en : offer.title_da;
}

export function offerDescription(offer: Offer, language: Language) {
  return language === "en" && offer.description_en ? offer.description_en : offer.description_da;
}

export function topicLabel(topic: Topic, language: Language) {
  return language === "en" ? topic.label_en : topic.label_da;
}

/** Who delivers the offer, how long it takes, when, and its topics. */
export function OfferFacts({ offer, topics }: { offer: Offer; topics: Topic[] }) {
  const { t, language } = useI18n();
  const names = topics
    .filter((topic) => offer.topic_ids.includes(topic.id))
    .map((topic) => topicLabel(topic, language));
  const who = offer.delivered_by;
  return (
    <dl className="facts">
      <div>
        <dt>{t("cat.deliveredBy")}</dt>
        <dd>
          {who ? (
            <>
              {who.name}
              {who.title ? `, ${who.title}` : ""}
              {who.email ? (
                <>
                  {" · "}
                  <a href={`mailto:${who.email}`}>{who.email}</a>
                </>
              ) : null}
            </>
          ) : (
            t("cat.theFunction", { name: offer.staff_function.name })
          )}
        </dd>
      </div>
      {offer.duration ? (
        <div>
          <dt>{t("cat.duration")}</dt>
          <dd>{offer.duration}</dd>
        </div>
      ) : null}
      {offer.timing ? (
        <div>
          <dt>{t("cat.timing")}</dt>
          <dd>{offer.timing}</dd>
        </div>
      ) : null}
      {names.length > 0 ? (
        <div>
          <dt>{t("cat.topics")}</dt>
          <dd>{names.join(", ")}</dd>
        </div>
      ) : null}
    </dl>
  );
}
