import type { Administration } from "../../../api/people";
import type { ServiceType, Template, TemplateItem } from "../../../api/templates";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n";
import { CheckList } from "./CheckList";

export const SERVICE_TYPES: ServiceType[] = [
  "school",
  "daycare",
  "village_scheme",
  "youth_club",
  "ppr",
  "family",
  "care_home",
  "home_care",
  "residential",
  "shelter",
  "acute",
  "treatment",
  "social_cafe",
  "nutrition",
  "health",
  "job_centre",
  "citizen_service",
  "culture",
  "technical",
  "staff_function",
  "other",
];
export const serviceKey = (type: string) => `hrsetup.service.${type}` as MessageKey;

const FLAGS = ["round_the_clock", "shift_work", "multi_site", "first_leader_job", "specialist"] as const;
type Flag = (typeof FLAGS)[number];

/** Applicability rules as the editor holds them; unset (null, empty) means "any". */
export interface Rules {
  service_types: ServiceType[];
  round_the_clock: boolean | null;
  shift_work: boolean | null;
  multi_site: boolean | null;
  first_leader_job: boolean | null;
  specialist: boolean | null;
  staff_above: number | null;
  administration_ids: number[];
  entry_routes: EntryRoute[];
}

/** How a leader came into the role (a move, not only a first job): `Leader.entry_route`. */
export const ENTRY_ROUTES = ["first_job", "promoted", "new_area", "talent"] as const;
export type EntryRoute = (typeof ENTRY_ROUTES)[number];
export const routeKey = (route: string) => `cat.route.${route}` as MessageKey;

export function rulesOf(row: Template | TemplateItem | null): Rules {
  return {
    service_types: (row?.service_types ?? []) as ServiceType[],
    round_the_clock: row?.round_the_clock ?? null,
    shift_work: row?.shift_work ?? null,
    multi_site: row?.multi_site ?? null,
    first_leader_job: row?.first_leader_job ?? null,
    specialist: row?.specialist ?? null,
    staff_above: row?.staff_above ?? null,
    administration_ids: row?.administrations ?? [],
    entry_routes: (row?.entry_routes ?? []) as EntryRoute[],
  };
}

/** A one-line summary of the rules in plain words ("Alle ledere" when none is set). */
export function useRulesSummary() {
  const { t } = useI18n();
  return (rules: Rules, administrations: Administration[]): string => {
    const parts: string[] = [];
    if (rules.service_types.length > 0) {
      parts.push(rules.service_types.map((s) => t(serviceKey(s))).join(", "));
    }
    for (const flag of FLAGS) {
      const value = rules[flag];
      if (value !== null) parts.push(t(`hrsetup.rules.${flag}.${value ? "yes" : "no"}` as MessageKey));
    }
    if (rules.staff_above !== null) {
      parts.push(t("hrsetup.rules.staffAboveSummary", { count: rules.staff_above }));
    }
    if (rules.entry_routes.length > 0) {
      parts.push(rules.entry_routes.map((route) => t(routeKey(route))).join(", "));
    }
    if (rules.administration_ids.length > 0) {
      parts.push(
        administrations
          .filter((a) => rules.administration_ids.includes(a.id))
          .map((a) => a.name)
          .join(", "),
      );
    }
    return parts.length === 0 ? t("hrsetup.rules.everyone") : parts.join(" · ");
  };
}

/** Who a template or item applies to: every set rule must hold. */
export function RulesFields({
  id,
  rules,
  onChange,
  administrations,
  errors,
}: {
  id: string;
  rules: Rules;
  onChange: (rules: Rules) => void;
  administrations: Administration[];
  errors: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  const summary = useRulesSummary();
  const set = (patch: Partial<Rules>) => onChange({ ...rules, ...patch });
  const anyError = Object.values(errors).some(Boolean);
  return (
    <details className="field rules" open={anyError || undefined}>
      <summary>
        {t("hrsetup.rules.legend")} <span className="muted">({summary(rules, administrations)})</span>
      </summary>
      <fieldset className="field">
      <legend className="visually-hidden">{t("hrsetup.rules.legend")}</legend>
      <p className="muted small">{t("hrsetup.rules.hint")}</p>
      <CheckList
        id={`${id}-services`}
        legend={t("hrsetup.rules.serviceTypes")}
        hint={t("hrsetup.rules.serviceTypesHint")}
        options={SERVICE_TYPES.map((type, index) => ({ id: index, label: t(serviceKey(type)) }))}
        chosen={rules.service_types.map((type) => SERVICE_TYPES.indexOf(type))}
        onChange={(indices) =>
          set({ service_types: SERVICE_TYPES.filter((_, index) => indices.includes(index)) })
        }
      />
      {errors.service_types ? <p className="error small">{errors.service_types}</p> : null}
      {FLAGS.map((flag) => (
        <div className="field" key={flag}>
          <label htmlFor={`${id}-${flag}`}>{t(`hrsetup.rules.${flag}` as MessageKey)}</label>
          <select
            id={`${id}-${flag}`}
            value={rules[flag] === null ? "" : rules[flag] ? "yes" : "no"}
            onChange={(e) =>
              set({ [flag]: e.target.value === "" ? null : e.target.value === "yes" } as Partial<
                Record<Flag, boolean | null>
              >)
            }
          >
            <option value="">{t("hrsetup.rules.any")}</option>
            <option value="yes">{t(`hrsetup.rules.${flag}.yes` as MessageKey)}</option>
            <option value="no">{t(`hrsetup.rules.${flag}.no` as MessageKey)}</option>
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-staff-above`}>{t("hrsetup.rules.staffAbove")}</label>
        <input
          id={`${id}-staff-above`}
          type="number"
          min={0}
          value={rules.staff_above ?? ""}
          aria-describedby={errors.staff_above ? `${id}-staff-above-error` : undefined}
          onChange={(e) =>
            set({ staff_above: e.target.value === "" ? null : Number(e.target.value) })
          }
        />
        {errors.staff_above ? (
          <p id={`${id}-staff-above-error`} className="error small">
            {errors.staff_above}
          </p>
        ) : null}
      </div>
      <CheckList
        id={`${id}-administrations`}
        legend={t("hrsetup.rules.administrations")}
        hint={t("hrsetup.rules.administrationsHint")}
        options={administrations.map((a) => ({ id: a.id, label: a.name }))}
        chosen={rules.administration_ids}
        onChange={(ids) => set({ administration_ids: ids })}
      />
      {errors.administration_ids ? (
        <p className="error small">{errors.administration_ids}</p>
      ) : null}
      <CheckList
        id={`${id}-routes`}
        legend={t("cat.tpl.entryRoutes")}
        hint={t("cat.tpl.entryRoutesHint")}
        options={ENTRY_ROUTES.map((route, index) => ({ id: index, label: t(routeKey(route)) }))}
        chosen={rules.entry_routes.map((route) => ENTRY_ROUTES.indexOf(route))}
        onChange={(indices) =>
          set({ entry_routes: ENTRY_ROUTES.filter((_, index) => indices.includes(index)) })
        }
      />
      </fieldset>
    </details>
  );
}
