import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "../../../api/client";
import { formRules } from "../../../api/formRules";
import { peopleQueries } from "../../../api/people";
import type { Administration } from "../../../api/people";
import * as staff from "../../../api/staff";
import { staffKeys, staffQueries } from "../../../api/staff";
import type { StaffContact, StaffFunction, StaffFunctionKind, Unit } from "../../../api/staff";
import type { Topic } from "../../../api/types";
import { FieldError } from "../../../components/FieldError";
import { Page } from "../../../components/Page";
import { ErrorView, Loading } from "../../../components/Status";
import { setServerErrors } from "../../../forms";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n";
import { CheckList } from "./CheckList";

export const KINDS: StaffFunctionKind[] = [
  "payroll_hr_law",
  "hr_development",
  "finance",
  "it",
  "communications",
  "legal",
  "property",
];
const kindKey = (kind: string) => `hrsetup.staff.kind.${kind}` as MessageKey;

/** HR: the staff directory — staff functions, their consultants, whom they serve, and what
 * they help with. Leaders see the result under "Who serves me". */
export function StaffDirectory() {
  const { t } = useI18n();
  const functions = useQuery(staffQueries.functions());
  const contacts = useQuery(staffQueries.contacts());
  const units = useQuery(staffQueries.units());
  const administrations = useQuery(peopleQueries.administrations());
  const topics = useQuery(peopleQueries.topics());
  const [editing, setEditing] = useState<StaffContact | null>(null);
  const all = [functions, contacts, units, administrations, topics];
  const error = all.find((q) => q.isError)?.error;
  const ready =
    functions.isSuccess &&
    contacts.isSuccess &&
    units.isSuccess &&
    administrations.isSuccess &&
    topics.isSuccess;
  return (
    <Page title={t("hrsetup.staff.title")}>
      <p>{t("hrsetup.staff.intro")}</p>
      {error ? <ErrorView error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready ? (
        <>
          <FunctionSection functions={functions.data} contacts={contacts.data} />
          <section aria-labelledby="staff-contacts">
            <h2 id="staff-contacts">{t("hrsetup.staff.contacts")}</h2>
            {contacts.data.length === 0 ? <p>{t("hrsetup.staff.noContacts")}</p> : null}
            <ul className="contacts">
              {contacts.data.map((contact) => (
                <ContactCard
                  key={contact.id}
                  contact={contact}
                  units={units.data}
                  administrations={administrations.data}
                  topics={topics.data}
                  onEdit={() => setEditing(contact)}
                />
              ))}
            </ul>
          </section>
          {functions.data.length > 0 ? (
            <ContactForm
              key={editing?.id ?? "new"}
              contact={editing}
              functions={functions.data}
              units={units.data}
              administrations={administrations.data}
              topics={topics.data}
              onDone={() => setEditing(null)}
            />
          ) : (
            <p>{t("hrsetup.staff.functionFirst")}</p>
          )}
        </>
      ) : null}
    </Page>
  );
}

function FunctionSection({
  functions,
  contacts,
}: {
  functions: StaffFunction[];
  contacts: StaffContact[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: staff.staffFunctionDelete,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
  return (
    <section aria-labelledby="staff-functions">
      <h2 id="staff-functions">{t("hrsetup.staff.functions")}</h2>
      {functions.length === 0 ? <p>{t("hrsetup.staff.noFunctions")}</p> : null}
      <ul className="contacts">
        {functions.map((fn) => {
          const count = contacts.filter((c) => c.staff_function.id === fn.id).length;
          return (
            <li key={fn.id} className="card">
              <h3>{fn.name}</h3>
              <p className="muted small">
                {t(kindKey(fn.kind))} · {t("hrsetup.staff.contactCount", { count })}
              </p>
              {fn.description ? <p>{fn.description}</p> : null}
              {count === 0 ? (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => remove.mutate(fn.id)}
                  aria-label={t("hrsetup.staff.removeFunction", { name: fn.name })}
                >
                  {t("hrsetup.common.remove")}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {remove.error ? <ErrorView error={remove.error} /> : null}
      <FunctionForm taken={functions.map((fn) => fn.kind)} />
    </section>
  );
}

type FunctionValues = { kind: StaffFunctionKind | ""; name: string; description: string };

function FunctionForm({ taken }: { taken: string[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const form = useForm<FunctionValues>({ defaultValues: { kind: "", name: "", description: "" } });
  const { errors } = form.formState;
  const rules = formRules.StaffFunctionInputRequest;
  const create = useMutation({
    mutationFn: (values: FunctionValues) =>
      staff.staffFunctionCreate({ ...values, kind: values.kind as StaffFunctionKind }),
    onSuccess: (row) => {
      form.reset();
      setSaved(t("hrsetup.staff.functionSaved", { name: row.name }));
      return queryClient.invalidateQueries({ queryKey: staffKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, ["kind", "name", "description"]),
  });
  const free = KINDS.filter((kind) => !taken.includes(kind));
  if (free.length === 0) return null;
  return (
    <form
      className="card form setup-form"
      aria-labelledby="function-new"
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <h3 id="function-new">{t("hrsetup.staff.newFunction")}</h3>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="function-kind">{t("hrsetup.staff.kind")}</label>
        <select id="function-kind" {...form.register("kind", rules.kind)}>
          <option value="">{t("hrsetup.staff.chooseKind")}</option>
          {free.map((kind) => (
            <option key={kind} value={kind}>
              {t(kindKey(kind))}
            </option>
          ))}
        </select>
        <FieldError error={errors.kind} />
      </div>
      <div className="field">
        <label htmlFor="function-name">{t("hrsetup.staff.functionName")}</label>
        <input id="function-name" {...form.register("name", rules.name)} />
        <FieldError error={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="function-description">{t("hrsetup.staff.functionDescription")}</label>
        <textarea id="function-description" rows={2} {...form.register("description")} />
        <FieldError error={errors.description} />
      </div>
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      <button type="submit" disabled={create.isPending}>
        {t("hrsetup.staff.addFunction")}
      </button>
    </form>
  );
}

function namesOf<T extends { id: number }>(rows: T[], ids: number[], name: (row: T) => string) {
  return rows
    .filter((row) => ids.includes(row.id))
    .map(name)
    .join(", ");
}

function ContactCard(props: {
  contact: StaffContact;
  units: Unit[];
  administrations: Administration[];
  topics: Topic[];
  onEdit: () => void;
}) {
  const { contact, units, administrations, topics, onEdit } = props;
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => staff.staffContactDelete(contact.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
  const servesUnits = namesOf(units, contact.unit_ids, (u) => u.name);
  const servesAdministrations = namesOf(administrations, contact.administration_ids, (a) => a.name);
  const helps = namesOf(topics, contact.topic_ids, (tp) =>
    language === "en" ? tp.label_en : tp.label_da,
  );
  return (
    <li className="card">
      <h3>
        {contact.name}
        {contact.title ? `, ${contact.title}` : ""}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t("hrsetup.staff.function")}</dt>
          <dd>{contact.staff_function.name}</dd>
        </div>
        <div>
          <dt>{t("hrsetup.staff.units")}</dt>
          <dd>{servesUnits || "–"}</dd>
        </div>
        <div>
          <dt>{t("hrsetup.staff.administrations")}</dt>
          <dd>{servesAdministrations || "–"}</dd>
        </div>
        <div>
          <dt>{t("hrsetup.staff.topics")}</dt>
          <dd>{helps || "–"}</dd>
        </div>
      </dl>
      <p className="small">{[contact.email, contact.phone].filter(Boolean).join(" · ")}</p>
      <div className="actions">
        <button
          type="button"
          onClick={onEdit}
          aria-label={t("hrsetup.staff.edit", { name: contact.name })}
        >
          {t("hrsetup.common.edit")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => remove.mutate()}
          aria-label={t("hrsetup.staff.remove", { name: contact.name })}
        >
          {t("hrsetup.common.remove")}
        </button>
      </div>
      {remove.error ? <ErrorView error={remove.error} /> : null}
    </li>
  );
}

type ContactValues = {
  staff_function_id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
};
const CONTACT_FIELDS = ["staff_function_id", "name", "title", "email", "phone"] as const;

function ContactForm(props: {
  contact: StaffContact | null;
  functions: StaffFunction[];
  units: Unit[];
  administrations: Administration[];
  topics: Topic[];
  onDone: () => void;
}) {
  const { contact, functions, units, administrations, topics, onDone } = props;
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const [unitIds, setUnitIds] = useState<number[]>(contact?.unit_ids ?? []);
  const [adminIds, setAdminIds] = useState<number[]>(contact?.administration_ids ?? []);
  const [topicIds, setTopicIds] = useState<number[]>(contact?.topic_ids ?? []);
  const form = useForm<ContactValues>({
    defaultValues: {
      staff_function_id: contact ? String(contact.staff_function.id) : "",
      name: contact?.name ?? "",
      title: contact?.title ?? "",
      email: contact?.email ?? "",
      phone: contact?.phone ?? "",
    },
  });
  const { errors } = form.formState;
  const rules = formRules.StaffContactInputRequest;
  const save = useMutation({
    mutationFn: (values: ContactValues) => {
      const body = {
        ...values,
        staff_function_id: Number(values.staff_function_id),
        unit_ids: unitIds,
        administration_ids: adminIds,
        topic_ids: topicIds,
      };
      return contact ? staff.staffContactUpdate(contact.id, body) : staff.staffContactCreate(body);
    },
    onSuccess: (row) => {
      setSaved(t("hrsetup.staff.saved", { name: row.name }));
      if (!contact) {
        form.reset();
        setUnitIds([]);
        setAdminIds([]);
        setTopicIds([]);
      }
      onDone();
      return queryClient.invalidateQueries({ queryKey: staffKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, CONTACT_FIELDS),
  });
  const failed = save.error instanceof ApiError && save.error.status === 400 ? null : save.error;
  return (
    <form
      className="card form setup-form"
      aria-labelledby="contact-form"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h2 id="contact-form">
        {contact ? t("hrsetup.staff.editTitle", { name: contact.name }) : t("hrsetup.staff.new")}
      </h2>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="contact-function">{t("hrsetup.staff.function")}</label>
        <select id="contact-function" {...form.register("staff_function_id", rules.staff_function_id)}>
          <option value="">{t("hrsetup.staff.chooseFunction")}</option>
          {functions.map((fn) => (
            <option key={fn.id} value={fn.id}>
              {fn.name}
            </option>
          ))}
        </select>
        <FieldError error={errors.staff_function_id} />
      </div>
      <div className="field">
        <label htmlFor="contact-name">{t("hrsetup.staff.name")}</label>
        <input id="contact-name" {...form.register("name", rules.name)} />
        <FieldError error={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="contact-title">{t("hrsetup.staff.contactTitle")}</label>
        <input id="contact-title" {...form.register("title", rules.title)} />
        <FieldError error={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="contact-email">{t("hrsetup.staff.email")}</label>
        <input id="contact-email" type="email" {...form.register("email")} />
        <FieldError error={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="contact-phone">{t("hrsetup.staff.phone")}</label>
        <input id="contact-phone" type="tel" {...form.register("phone", rules.phone)} />
        <FieldError error={errors.phone} />
      </div>
      <CheckList
        id="contact-administrations"
        legend={t("hrsetup.staff.administrations")}
        hint={t("hrsetup.staff.administrationsHint")}
        options={administrations.map((a) => ({ id: a.id, label: a.name }))}
        chosen={adminIds}
        onChange={setAdminIds}
      />
      <CheckList
        id="contact-units"
        legend={t("hrsetup.staff.units")}
        hint={t("hrsetup.staff.unitsHint")}
        options={units.map((u) => ({ id: u.id, label: `${u.name} (${u.code})` }))}
        chosen={unitIds}
        onChange={setUnitIds}
        filter
      />
      <CheckList
        id="contact-topics"
        legend={t("hrsetup.staff.topics")}
        hint={t("hrsetup.staff.topicsHint")}
        options={topics.map((tp) => ({
          id: tp.id,
          label: language === "en" ? tp.label_en : tp.label_da,
        }))}
        chosen={topicIds}
        onChange={setTopicIds}
      />
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {failed ? <ErrorView error={failed} /> : null}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {contact ? t("hrsetup.common.save") : t("hrsetup.staff.add")}
        </button>
        {contact ? (
          <button type="button" className="secondary" onClick={onDone}>
            {t("hrsetup.common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
