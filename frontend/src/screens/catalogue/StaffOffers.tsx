/**
 * HR set-up: the staff functions' offers — what each function offers leaders, who delivers it,
 * its topics, how long and when, and whether it is in the catalogue (`/hr/setup/offers`).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Link } from "react-router";
import * as catalogue from "../../api/catalogue";
import { catalogueKeys, catalogueQueries } from "../../api/catalogue";
import type { Offer } from "../../api/catalogue";
import { formRules } from "../../api/formRules";
import { peopleQueries } from "../../api/people";
import { staffQueries } from "../../api/staff";
import type { StaffContact, StaffFunction } from "../../api/staff";
import type { Topic } from "../../api/types";
import { FieldError } from "../../components/FieldError";
import { Page } from "../../components/Page";
import { ErrorView, Loading } from "../../components/Status";
import { setServerErrors } from "../../forms";
import { useI18n } from "../../i18n";
import { CheckList } from "../hr/setup/CheckList";
import { OfferFacts, offerTitle, topicLabel } from "./shared";

export function StaffOffers() {
  const { t } = useI18n();
  const offers = useQuery(catalogueQueries.offers());
  const functions = useQuery(staffQueries.functions());
  const contacts = useQuery(staffQueries.contacts());
  const topics = useQuery(peopleQueries.topics());
  const [editing, setEditing] = useState<Offer | null>(null);
  const all = [offers, functions, contacts, topics];
  const error = all.find((q) => q.isError)?.error;
  const ready = offers.isSuccess && functions.isSuccess && contacts.isSuccess && topics.isSuccess;
  return (
    <Page title={t("cat.hr.title")}>
      <p>{t("cat.hr.intro")}</p>
      <p>
        <Link to="/hr/staff-requests">{t("cat.board.link")}</Link>
      </p>
      {error ? <ErrorView error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready ? (
        <>
          <section aria-labelledby="offers-list">
            <h2 id="offers-list">{t("cat.hr.offers")}</h2>
            {offers.data.length === 0 ? <p>{t("cat.hr.none")}</p> : null}
            <ul className="contacts">
              {offers.data.map((offer) => (
                <OfferRow
                  key={offer.id}
                  offer={offer}
                  topics={topics.data}
                  onEdit={() => setEditing(offer)}
                />
              ))}
            </ul>
          </section>
          {functions.data.length > 0 ? (
            <OfferForm
              key={editing?.id ?? "new"}
              offer={editing}
              functions={functions.data}
              contacts={contacts.data}
              topics={topics.data}
              onDone={() => setEditing(null)}
            />
          ) : (
            <p>
              {t("cat.hr.functionFirst")} <Link to="/hr/setup/staff">{t("cat.hr.toStaff")}</Link>
            </p>
          )}
        </>
      ) : null}
    </Page>
  );
}

function OfferRow({ offer, topics, onEdit }: { offer: Offer; topics: Topic[]; onEdit: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => catalogue.offerDelete(offer.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
  const title = offerTitle(offer, language);
  return (
    <li className="card">
      <h3>{title}</h3>
      <p className="muted small">
        {offer.staff_function.name} · {t(offer.active ? "cat.hr.active" : "cat.hr.inactive")}
      </p>
      <OfferFacts offer={offer} topics={topics} />
      <div className="actions">
        <button type="button" onClick={onEdit} aria-label={t("cat.hr.edit", { title })}>
          {t("hrsetup.common.edit")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => remove.mutate()}
          aria-label={t("cat.hr.remove", { title })}
        >
          {t("hrsetup.common.remove")}
        </button>
      </div>
      {remove.error ? <ErrorView error={remove.error} /> : null}
    </li>
  );
}

type OfferValues = {
  staff_function_id: string;
  delivered_by_id: string;
  title_da: string;
  title_en: string;
  description_da: string;
  description_en: string;
  duration: string;
  timing: string;
  active: boolean;
};
const FIELDS = [
  "staff_function_id",
  "delivered_by_id",
  "title_da",
  "title_en",
  "description_da",
  "description_en",
  "duration",
  "timing",
] as const;

function OfferForm(props: {
  offer: Offer | null;
  functions: StaffFunction[];
  contacts: StaffContact[];
  topics: Topic[];
  onDone: () => void;
}) {
  const { offer, functions, contacts, topics, onDone } = props;
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const [topicIds, setTopicIds] = useState<number[]>(offer?.topic_ids ?? []);
  const form = useForm<OfferValues>({
    defaultValues: {
      staff_function_id: offer ? String(offer.staff_function.id) : "",
      delivered_by_id: offer?.delivered_by ? String(offer.delivered_by.id) : "",
      title_da: offer?.title_da ?? "",
      title_en: offer?.title_en ?? "",
      description_da: offer?.description_da ?? "",
      description_en: offer?.description_en ?? "",
      duration: offer?.duration ?? "",
      timing: offer?.timing ?? "",
      active: offer?.active ?? true,
    },
  });
  const { errors } = form.formState;
  const rules = formRules.StaffOfferInputRequest;
  const functionId = Number(useWatch({ control: form.control, name: "staff_function_id" }));
  const consultants = contacts.filter((c) => c.staff_function.id === functionId);
  const save = useMutation({
    mutationFn: (values: OfferValues) => {
      const body = {
        ...values,
        staff_function_id: Number(values.staff_function_id),
        delivered_by_id: values.delivered_by_id ? Number(values.delivered_by_id) : null,
        topic_ids: topicIds,
      };
      return offer ? catalogue.offerUpdate(offer.id, body) : catalogue.offerCreate(body);
    },
    onSuccess: (row) => {
      setSaved(t("cat.hr.saved", { title: row.title_da }));
      if (!offer) {
        form.reset();
        setTopicIds([]);
      }
      return queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, FIELDS),
  });
  const heading = offer ? t("cat.hr.editHeading", { title: offer.title_da }) : t("cat.hr.new");
  return (
    <form
      className="card form setup-form"
      aria-labelledby="offer-form"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h2 id="offer-form">{heading}</h2>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="offer-function">{t("cat.hr.function")}</label>
        <select id="offer-function" {...form.register("staff_function_id", rules.staff_function_id)}>
          <option value="">{t("cat.hr.chooseFunction")}</option>
          {functions.map((fn) => (
            <option key={fn.id} value={fn.id}>
              {fn.name}
            </option>
          ))}
        </select>
        <FieldError error={errors.staff_function_id} />
      </div>
      <div className="field">
        <label htmlFor="offer-delivered-by">{t("cat.deliveredBy")}</label>
        <select id="offer-delivered-by" {...form.register("delivered_by_id")}>
          <option value="">{t("cat.hr.wholeFunction")}</option>
          {consultants.map((contact) => (
            <option key={contact.id} value={contact.id}>
              {contact.name}
            </option>
          ))}
        </select>
        <FieldError error={errors.delivered_by_id} />
      </div>
      <div className="field">
        <label htmlFor="offer-title-da">{t("cat.hr.titleDa")}</label>
        <input id="offer-title-da" {...form.register("title_da", rules.title_da)} />
        <FieldError error={errors.title_da} />
      </div>
      <div className="field">
        <label htmlFor="offer-title-en">{t("cat.hr.titleEn")}</label>
        <input id="offer-title-en" {...form.register("title_en", rules.title_en)} />
        <FieldError error={errors.title_en} />
      </div>
      <div className="field">
        <label htmlFor="offer-description-da">{t("cat.hr.descriptionDa")}</label>
        <textarea id="offer-description-da" rows={3} {...form.register("description_da")} />
        <FieldError error={errors.description_da} />
      </div>
      <div className="field">
        <label htmlFor="offer-description-en">{t("cat.hr.descriptionEn")}</label>
        <textarea id="offer-description-en" rows={3} {...form.register("description_en")} />
        <FieldError error={errors.description_en} />
      </div>
      <div className="field">
        <label htmlFor="offer-duration">{t("cat.duration")}</label>
        <input id="offer-duration" {...form.register("duration", rules.duration)} />
        <FieldError error={errors.duration} />
      </div>
      <div className="field">
        <label htmlFor="offer-timing">{t("cat.timing")}</label>
        <input id="offer-timing" {...form.register("timing", rules.timing)} />
        <FieldError error={errors.timing} />
      </div>
      <CheckList
        id="offer-topics"
        legend={t("cat.topics")}
        options={topics.map((topic) => ({ id: topic.id, label: topicLabel(topic, language) }))}
        chosen={topicIds}
        onChange={setTopicIds}
        filter
      />
      <label className="choice">
        <input type="checkbox" {...form.register("active")} />
        {t("cat.hr.activeLabel")}
      </label>
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {offer ? t("cat.hr.save") : t("cat.hr.add")}
        </button>
        {offer ? (
          <button type="button" className="secondary" onClick={onDone}>
            {t("cat.request.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
