import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { catalogueQueries } from "../../../api/catalogue";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ApiError } from "../../../api/client";
import { formRules } from "../../../api/formRules";
import type { Administration } from "../../../api/people";
import type { StaffFunctionKind } from "../../../api/staff";
import * as api from "../../../api/templates";
import { templateKeys } from "../../../api/templates";
import type { OwnerRole, Template, TemplateItem } from "../../../api/templates";
import type { Topic } from "../../../api/types";
import { FieldError } from "../../../components/FieldError";
import { ErrorView } from "../../../components/Status";
import { setServerErrors } from "../../../forms";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n";
import { CheckList } from "./CheckList";
import { RulesFields, rulesOf } from "./RulesFields";
import type { Rules } from "./RulesFields";
import { KINDS } from "./StaffDirectory";

export const OWNER_ROLES: OwnerRole[] = ["new_leader", "boss", "mentor", "hr", "staff_consultant"];
export const ownerKey = (role: string) => `hrsetup.owner.${role}` as MessageKey;
const RULE_FIELDS = ["service_types", "staff_above", "administration_ids"] as const;

type Values = {
  title_da: string;
  title_en: string;
  guidance_da: string;
  guidance_en: string;
  owner_role: OwnerRole;
  staff_function_kind: StaffFunctionKind | "";
  due_offset_days: number;
  depends_on: string;
  topic_id: string;
  required: boolean;
};
const FIELDS = [
  "title_da",
  "title_en",
  "guidance_da",
  "guidance_en",
  "owner_role",
  "staff_function_kind",
  "due_offset_days",
  "depends_on",
  "topic_id",
  "required",
] as const;

/** The messages of the rule fields from a 400 (they are not react-hook-form fields). */
function ruleErrors(error: unknown): Record<string, string | undefined> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  return Object.fromEntries(
    RULE_FIELDS.map((field) => [field, error.messages(field).join(" ") || undefined]),
  );
}

/** Add an item to a template or edit one: texts in both languages, owner, timing, rules. */
export function TemplateItemForm(props: {
  template: Template;
  item: TemplateItem | null;
  topics: Topic[];
  administrations: Administration[];
  onDone: () => void;
}) {
  const { template, item, topics, administrations, onDone } = props;
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const [rules, setRules] = useState<Rules>(rulesOf(item));
  const [offerIds, setOfferIds] = useState<number[]>(item?.offer_ids ?? []);
  const offers = useQuery(catalogueQueries.offers());
  const topicId = topics.find((topic) => topic.slug === item?.topic)?.id;
  const form = useForm<Values>({
    defaultValues: {
      title_da: item?.title_da ?? "",
      title_en: item?.title_en ?? "",
      guidance_da: item?.guidance_da ?? "",
      guidance_en: item?.guidance_en ?? "",
      owner_role: item?.owner_role ?? "new_leader",
      staff_function_kind: (item?.staff_function_kind ?? "") as StaffFunctionKind | "",
      due_offset_days: item?.due_offset_days ?? 0,
      depends_on: item?.depends_on ? String(item.depends_on) : "",
      topic_id: topicId ? String(topicId) : "",
      required: item?.required ?? true,
    },
  });
  const { errors } = form.formState;
  const rulesOfApi = formRules.TemplateItemInputRequest;
  const owner = useWatch({ control: form.control, name: "owner_role" });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        ...values,
        ...rules,
        staff_function_kind: values.owner_role === "staff_consultant" ? values.staff_function_kind : "",
        due_offset_days: Number(values.due_offset_days),
        depends_on: values.depends_on ? Number(values.depends_on) : null,
        topic_id: values.topic_id ? Number(values.topic_id) : null,
        offer_ids: offerIds,
      } as api.TemplateItemInput;
      return item ? api.templateItemUpdate(item.id, body) : api.templateItemCreate(template.id, body);
    },
    onSuccess: (row) => {
      setSaved(t("hrsetup.templates.itemSaved", { title: row.title_da }));
      if (!item) {
        form.reset();
        setRules(rulesOf(null));
        setOfferIds([]);
      }
      onDone();
      return queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, [...FIELDS, ...RULE_FIELDS] as never),
  });
  const failed = save.error instanceof ApiError && save.error.status === 400 ? null : save.error;
  const others = template.items.filter((other) => other.id !== item?.id);
  const heading = item
    ? t("hrsetup.templates.editItem", { title: item.title_da })
    : t("hrsetup.templates.newItem");
  return (
    <form
      className="card form setup-form"
      aria-labelledby="item-form"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h3 id="item-form">{heading}</h3>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="item-title-da">{t("hrsetup.templates.titleDa")}</label>
        <input id="item-title-da" {...form.register("title_da", rulesOfApi.title_da)} />
        <p className="muted small">{t("hrsetup.templates.ownerPlaceholder")}</p>
        <FieldError error={errors.title_da} />
      </div>
      <div className="field">
        <label htmlFor="item-title-en">{t("hrsetup.templates.titleEn")}</label>
        <input id="item-title-en" {...form.register("title_en", rulesOfApi.title_en)} />
        <FieldError error={errors.title_en} />
      </div>
      <div className="field">
        <label htmlFor="item-guidance-da">{t("hrsetup.templates.guidanceDa")}</label>
        <textarea id="item-guidance-da" rows={4} {...form.register("guidance_da")} />
        <FieldError error={errors.guidance_da} />
      </div>
      <div className="field">
        <label htmlFor="item-guidance-en">{t("hrsetup.templates.guidanceEn")}</label>
        <textarea id="item-guidance-en" rows={4} {...form.register("guidance_en")} />
        <FieldError error={errors.guidance_en} />
      </div>
      <div className="field">
        <label htmlFor="item-owner">{t("hrsetup.templates.owner")}</label>
        <select id="item-owner" {...form.register("owner_role")}>
          {OWNER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ownerKey(role))}
            </option>
          ))}
        </select>
        <FieldError error={errors.owner_role} />
      </div>
      {owner === "staff_consultant" ? (
        <div className="field">
          <label htmlFor="item-kind">{t("hrsetup.templates.staffKind")}</label>
          <select id="item-kind" {...form.register("staff_function_kind")}>
            <option value="">{t("hrsetup.staff.chooseKind")}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`hrsetup.staff.kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
          <FieldError error={errors.staff_function_kind} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="item-offset">{t("hrsetup.templates.offset")}</label>
        <input
          id="item-offset"
          type="number"
          aria-describedby="item-offset-hint"
          {...form.register("due_offset_days", rulesOfApi.due_offset_days)}
        />
        <p id="item-offset-hint" className="muted small">
          {t("hrsetup.templates.offsetHint")}
        </p>
        <FieldError error={errors.due_offset_days} />
      </div>
      <div className="field">
        <label htmlFor="item-depends">{t("hrsetup.templates.dependsOn")}</label>
        <select id="item-depends" {...form.register("depends_on")}>
          <option value="">{t("hrsetup.templates.noDependency")}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.title_da}
            </option>
          ))}
        </select>
        <FieldError error={errors.depends_on} />
      </div>
      <div className="field">
        <label htmlFor="item-topic">{t("hrsetup.templates.topic")}</label>
        <select id="item-topic" {...form.register("topic_id")}>
          <option value="">{t("hrsetup.templates.noTopic")}</option>
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {language === "en" ? topic.label_en : topic.label_da}
            </option>
          ))}
        </select>
        <FieldError error={errors.topic_id} />
      </div>
      <label className="choice">
        <input type="checkbox" {...form.register("required")} />
        {t("hrsetup.templates.required")}
      </label>
      <CheckList
        id="item-offers"
        legend={t("cat.tpl.offers")}
        hint={t("cat.tpl.offersHint")}
        options={(offers.data ?? []).map((offer) => ({
          id: offer.id,
          label: `${language === "en" && offer.title_en ? offer.title_en : offer.title_da} (${offer.staff_function.name})`,
        }))}
        chosen={offerIds}
        onChange={setOfferIds}
        filter
      />
      <RulesFields
        id="item-rules"
        rules={rules}
        onChange={setRules}
        administrations={administrations}
        errors={ruleErrors(save.error)}
      />
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {failed ? <ErrorView error={failed} /> : null}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {item ? t("hrsetup.common.save") : t("hrsetup.templates.addItem")}
        </button>
        {item ? (
          <button type="button" className="secondary" onClick={onDone}>
            {t("hrsetup.common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
