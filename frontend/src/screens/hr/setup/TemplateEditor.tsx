import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "../../../api/client";
import { formRules } from "../../../api/formRules";
import { peopleQueries } from "../../../api/people";
import type { Administration } from "../../../api/people";
import * as api from "../../../api/templates";
import { templateKeys, templateQueries } from "../../../api/templates";
import type { Template, TemplateItem } from "../../../api/templates";
import type { Topic } from "../../../api/types";
import { FieldError } from "../../../components/FieldError";
import { Page } from "../../../components/Page";
import { ErrorView, Loading } from "../../../components/Status";
import { setServerErrors } from "../../../forms";
import { useI18n } from "../../../i18n";
import { PlanPreviewSection } from "./PlanPreview";
import { RulesFields, rulesOf, useRulesSummary } from "./RulesFields";
import type { Rules } from "./RulesFields";
import { TemplateItemForm, ownerKey } from "./TemplateItemForm";

/** HR: the onboarding templates — which leaders each applies to, its items, and a preview of
 * the plan a chosen leader would get. Running plans keep their items; edits shape new plans. */
export function TemplateEditor() {
  const { t } = useI18n();
  const templates = useQuery(templateQueries.list());
  const topics = useQuery(peopleQueries.topics());
  const administrations = useQuery(peopleQueries.administrations());
  const [chosenId, setChosenId] = useState<number | null>(null);
  const error = templates.error ?? topics.error ?? administrations.error;
  const ready = templates.isSuccess && topics.isSuccess && administrations.isSuccess;
  const chosen = templates.data?.find((row) => row.id === chosenId) ?? null;
  return (
    <Page title={t("hrsetup.templates.title")}>
      <p>{t("hrsetup.templates.intro")}</p>
      {error ? <ErrorView error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready ? (
        <>
          <TemplateList
            templates={templates.data}
            administrations={administrations.data}
            chosenId={chosenId}
            onChoose={setChosenId}
          />
          {chosen ? (
            <TemplateDetail
              key={chosen.id}
              template={chosen}
              topics={topics.data}
              administrations={administrations.data}
            />
          ) : null}
          <PlanPreviewSection hasTemplates={templates.data.length > 0} />
          <TemplateForm
            key={`form-${chosen?.id ?? "new"}`}
            template={chosen}
            administrations={administrations.data}
            onCreated={setChosenId}
          />
        </>
      ) : null}
    </Page>
  );
}

function TemplateList(props: {
  templates: Template[];
  administrations: Administration[];
  chosenId: number | null;
  onChoose: (id: number | null) => void;
}) {
  const { templates, administrations, chosenId, onChoose } = props;
  const { t, language } = useI18n();
  const summary = useRulesSummary();
  return (
    <section aria-labelledby="templates-list">
      <h2 id="templates-list">{t("hrsetup.templates.list")}</h2>
      {templates.length === 0 ? <p>{t("hrsetup.templates.none")}</p> : null}
      <ul className="contacts">
        {templates.map((template) => (
          <li key={template.id} className="card">
            <h3>{language === "en" && template.name_en ? template.name_en : template.name_da}</h3>
            <p className="small">
              {t("hrsetup.templates.appliesTo", {
                rules: summary(rulesOf(template), administrations),
              })}
              {" · "}
              {t("hrsetup.templates.itemCount", { count: template.items.length })}
              {template.active === false ? ` · ${t("hrsetup.templates.inactive")}` : ""}
            </p>
            <button
              type="button"
              aria-pressed={chosenId === template.id}
              onClick={() => onChoose(chosenId === template.id ? null : template.id)}
            >
              {chosenId === template.id
                ? t("hrsetup.templates.close", { name: template.name_da })
                : t("hrsetup.templates.open", { name: template.name_da })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TemplateDetail(props: {
  template: Template;
  topics: Topic[];
  administrations: Administration[];
}) {
  const { template, topics, administrations } = props;
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TemplateItem | null>(null);
  const summary = useRulesSummary();
  const remove = useMutation({
    mutationFn: api.templateItemDelete,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
  const titleOf = (id: number | null | undefined) =>
    template.items.find((row) => row.id === id)?.title_da ?? "";
  return (
    <section aria-labelledby="template-items">
      <h2 id="template-items">{t("hrsetup.templates.items", { name: template.name_da })}</h2>
      {template.items.length === 0 ? <p>{t("hrsetup.templates.noItems")}</p> : null}
      <ol className="items">
        {template.items.map((item) => (
          <li key={item.id} className="card item">
            <h3>{language === "en" && item.title_en ? item.title_en : item.title_da}</h3>
            <dl className="facts">
              <div>
                <dt>{t("hrsetup.templates.owner")}</dt>
                <dd>{t(ownerKey(item.owner_role ?? "new_leader"))}</dd>
              </div>
              <div>
                <dt>{t("hrsetup.templates.when")}</dt>
                <dd>{t("hrsetup.templates.offsetDays", { count: item.due_offset_days ?? 0 })}</dd>
              </div>
              {item.depends_on ? (
                <div>
                  <dt>{t("hrsetup.templates.after")}</dt>
                  <dd>{titleOf(item.depends_on)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("hrsetup.templates.for")}</dt>
                <dd>{summary(rulesOf(item), administrations)}</dd>
              </div>
            </dl>
            <div className="actions">
              <button
                type="button"
                onClick={() => setEditing(item)}
                aria-label={t("hrsetup.templates.editItem", { title: item.title_da })}
              >
                {t("hrsetup.common.edit")}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => remove.mutate(item.id)}
                aria-label={t("hrsetup.templates.removeItem", { title: item.title_da })}
              >
                {t("hrsetup.common.remove")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {remove.error ? <ErrorView error={remove.error} /> : null}
      <TemplateItemForm
        key={editing?.id ?? "new"}
        template={template}
        item={editing}
        topics={topics}
        administrations={administrations}
        onDone={() => setEditing(null)}
      />
    </section>
  );
}

type TemplateValues = {
  name_da: string;
  name_en: string;
  description_da: string;
  description_en: string;
  active: boolean;
};
const TEMPLATE_FIELDS = ["name_da", "name_en", "description_da", "description_en", "active"] as const;

function TemplateForm(props: {
  template: Template | null;
  administrations: Administration[];
  onCreated: (id: number) => void;
}) {
  const { template, administrations, onCreated } = props;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const [rules, setRules] = useState<Rules>(rulesOf(template));
  const form = useForm<TemplateValues>({
    defaultValues: {
      name_da: template?.name_da ?? "",
      name_en: template?.name_en ?? "",
      description_da: template?.description_da ?? "",
      description_en: template?.description_en ?? "",
      active: template?.active ?? true,
    },
  });
  const { errors } = form.formState;
  const rulesOfApi = formRules.TemplateInputRequest;
  const save = useMutation({
    mutationFn: (values: TemplateValues) => {
      const body = { ...values, ...rules };
      return template ? api.templateUpdate(template.id, body) : api.templateCreate(body);
    },
    onSuccess: (row) => {
      setSaved(t("hrsetup.templates.saved", { name: row.name_da }));
      if (!template) onCreated(row.id);
      return queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
    onError: (error) =>
      setServerErrors(error, form.setError, [
        ...TEMPLATE_FIELDS,
        "service_types",
        "staff_above",
        "administration_ids",
      ] as never),
  });
  const failed = save.error instanceof ApiError && save.error.status === 400 ? null : save.error;
  const ruleErrors =
    save.error instanceof ApiError
      ? {
          service_types: save.error.messages("service_types").join(" ") || undefined,
          staff_above: save.error.messages("staff_above").join(" ") || undefined,
          administration_ids: save.error.messages("administration_ids").join(" ") || undefined,
        }
      : {};
  return (
    <form
      className="card form setup-form"
      aria-labelledby="template-form"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h2 id="template-form">
        {template
          ? t("hrsetup.templates.editTemplate", { name: template.name_da })
          : t("hrsetup.templates.newTemplate")}
      </h2>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="template-name-da">{t("hrsetup.templates.nameDa")}</label>
        <input id="template-name-da" {...form.register("name_da", rulesOfApi.name_da)} />
        <FieldError error={errors.name_da} />
      </div>
      <div className="field">
        <label htmlFor="template-name-en">{t("hrsetup.templates.nameEn")}</label>
        <input id="template-name-en" {...form.register("name_en", rulesOfApi.name_en)} />
        <FieldError error={errors.name_en} />
      </div>
      <div className="field">
        <label htmlFor="template-description-da">{t("hrsetup.templates.descriptionDa")}</label>
        <textarea id="template-description-da" rows={2} {...form.register("description_da")} />
      </div>
      <div className="field">
        <label htmlFor="template-description-en">{t("hrsetup.templates.descriptionEn")}</label>
        <textarea id="template-description-en" rows={2} {...form.register("description_en")} />
      </div>
      <label className="choice">
        <input type="checkbox" {...form.register("active")} />
        {t("hrsetup.templates.active")}
      </label>
      <RulesFields
        id="template-rules"
        rules={rules}
        onChange={setRules}
        administrations={administrations}
        errors={ruleErrors}
      />
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {failed ? <ErrorView error={failed} /> : null}
      <button type="submit" disabled={save.isPending}>
        {template ? t("hrsetup.common.save") : t("hrsetup.templates.create")}
      </button>
    </form>
  );
}
