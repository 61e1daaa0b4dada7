import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "../../../api/client";
import { formRules } from "../../../api/formRules";
import * as api from "../../../api/networkSetup";
import { FORMAL_KINDS, setupKeys, setupQueries } from "../../../api/networkSetup";
import type { FormalKind, Network } from "../../../api/networkSetup";
import { templateQueries } from "../../../api/templates";
import { FieldError } from "../../../components/FieldError";
import { Page } from "../../../components/Page";
import { ErrorView, Loading } from "../../../components/Status";
import { setServerErrors } from "../../../forms";
import { useI18n } from "../../../i18n";
import type { MessageKey } from "../../../i18n";
import { CohortCircles } from "./CohortCircles";

const kindKey = (kind: string) => `hrsetup.networks.kind.${kind}` as MessageKey;

/** HR: leader groups, learning networks and leadership teams — their members and coffee
 * roulette — and the cohort circles of new leaders. Informal and members-only networks are
 * their members' own and are not here. */
export function NetworkSetup() {
  const { t } = useI18n();
  const networks = useQuery(setupQueries.networks());
  const [chosenId, setChosenId] = useState<number | null>(null);
  const chosen = networks.data?.find((row) => row.id === chosenId) ?? null;
  return (
    <Page title={t("hrsetup.networks.title")}>
      <p>{t("hrsetup.networks.intro")}</p>
      {networks.isPending ? <Loading /> : null}
      {networks.isError ? <ErrorView error={networks.error} /> : null}
      {networks.isSuccess ? (
        <>
          <section aria-labelledby="networks-list">
            <h2 id="networks-list">{t("hrsetup.networks.list")}</h2>
            {networks.data.length === 0 ? <p>{t("hrsetup.networks.none")}</p> : null}
            <ul className="contacts">
              {networks.data.map((network) => (
                <li key={network.id} className="card">
                  <h3>{network.name}</h3>
                  <p className="small">
                    {t(kindKey(network.kind))} ·{" "}
                    {t("hrsetup.networks.memberCount", { count: network.member_count ?? 0 })}
                    {network.active === false ? ` · ${t("hrsetup.networks.inactive")}` : ""}
                  </p>
                  <button
                    type="button"
                    aria-pressed={chosenId === network.id}
                    onClick={() => setChosenId(chosenId === network.id ? null : network.id)}
                  >
                    {chosenId === network.id
                      ? t("hrsetup.templates.close", { name: network.name })
                      : t("hrsetup.templates.open", { name: network.name })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          {chosen ? <NetworkDetail key={chosen.id} network={chosen} /> : null}
          <NetworkForm key={`form-${chosen?.id ?? "new"}`} network={chosen} onCreated={setChosenId} />
          <CohortCircles />
        </>
      ) : null}
    </Page>
  );
}

type Values = {
  name: string;
  kind: FormalKind;
  theme: string;
  description: string;
  welcomes_newcomers: boolean;
  active: boolean;
};
const FIELDS = ["name", "kind", "theme", "description", "welcomes_newcomers", "active"] as const;

function NetworkForm({ network, onCreated }: { network: Network | null; onCreated: (id: number) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState("");
  const form = useForm<Values>({
    defaultValues: {
      name: network?.name ?? "",
      kind: (network?.kind as FormalKind | undefined) ?? "learning_network",
      theme: network?.theme ?? "",
      description: network?.description ?? "",
      welcomes_newcomers: network?.welcomes_newcomers ?? false,
      active: network?.active ?? true,
    },
  });
  const { errors } = form.formState;
  const rules = formRules.NetworkInputRequest;
  const save = useMutation({
    mutationFn: (values: Values) =>
      network ? api.networkUpdate(network.id, values) : api.networkCreate(values),
    onSuccess: (row) => {
      setSaved(t("hrsetup.networks.saved", { name: row.name }));
      if (!network) {
        form.reset();
        onCreated(row.id);
      }
      return queryClient.invalidateQueries({ queryKey: setupKeys.all });
    },
    onError: (error) => setServerErrors(error, form.setError, FIELDS),
  });
  const failed = save.error instanceof ApiError && save.error.status === 400 ? null : save.error;
  return (
    <form
      className="card form setup-form"
      aria-labelledby="network-form"
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <h2 id="network-form">
        {network ? t("hrsetup.networks.edit", { name: network.name }) : t("hrsetup.networks.new")}
      </h2>
      <p role="status" className="ok">
        {saved}
      </p>
      <div className="field">
        <label htmlFor="network-name">{t("hrsetup.networks.name")}</label>
        <input id="network-name" {...form.register("name", rules.name)} />
        <FieldError error={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="network-kind">{t("hrsetup.networks.kind")}</label>
        <select id="network-kind" {...form.register("kind", rules.kind)}>
          {FORMAL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(kindKey(kind))}
            </option>
          ))}
        </select>
        <FieldError error={errors.kind} />
      </div>
      <div className="field">
        <label htmlFor="network-theme">{t("hrsetup.networks.theme")}</label>
        <input id="network-theme" {...form.register("theme", rules.theme)} />
        <FieldError error={errors.theme} />
      </div>
      <div className="field">
        <label htmlFor="network-description">{t("hrsetup.networks.description")}</label>
        <textarea id="network-description" rows={2} {...form.register("description")} />
        <FieldError error={errors.description} />
      </div>
      <label className="choice">
        <input type="checkbox" {...form.register("welcomes_newcomers")} />
        {t("hrsetup.networks.welcomes")}
      </label>
      <label className="choice">
        <input type="checkbox" {...form.register("active")} />
        {t("hrsetup.networks.active")}
      </label>
      <p className="muted small">{t("hrsetup.networks.openNote")}</p>
      {errors.root?.server ? (
        <p role="alert" className="error">
          {errors.root.server.message}
        </p>
      ) : null}
      {failed ? <ErrorView error={failed} /> : null}
      <button type="submit" disabled={save.isPending}>
        {network ? t("hrsetup.common.save") : t("hrsetup.networks.create")}
      </button>
    </form>
  );
}

function NetworkDetail({ network }: { network: Network }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const members = useQuery(setupQueries.members(network.id));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: setupKeys.all });
  const remove = useMutation({
    mutationFn: (leaderId: number) => api.memberRemove(network.id, leaderId),
    onSuccess: invalidate,
  });
  return (
    <section aria-labelledby="network-members">
      <h2 id="network-members">{t("hrsetup.networks.members", { name: network.name })}</h2>
      {members.isPending ? <Loading /> : null}
      {members.isError ? <ErrorView error={members.error} /> : null}
      {members.isSuccess ? (
        members.data.length === 0 ? (
          <p>{t("hrsetup.networks.noMembers")}</p>
        ) : (
          <ul>
            {members.data.map((member) => (
              <li key={member.id} className="inline-form">
                <span>
                  {member.leader.full_name}
                  {member.leader.role_title ? `, ${member.leader.role_title}` : ""}
                </span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => remove.mutate(member.leader.id)}
                  aria-label={t("hrsetup.networks.removeMember", { name: member.leader.full_name })}
                >
                  {t("hrsetup.common.remove")}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {remove.error ? <ErrorView error={remove.error} /> : null}
      <MemberAdd network={network} present={(members.data ?? []).map((m) => m.leader.id)} />
      <RouletteSwitch network={network} />
    </section>
  );
}

function MemberAdd({ network, present }: { network: Network; present: number[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<number[]>([]);
  const found = useQuery({ ...templateQueries.leaders(search), enabled: search !== "" });
  const add = useMutation({
    mutationFn: () => api.membersAdd(network.id, chosen),
    onSuccess: () => {
      setChosen([]);
      return queryClient.invalidateQueries({ queryKey: setupKeys.all });
    },
  });
  function onSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(query.trim());
  }
  const candidates = (found.data ?? []).filter((leader) => !present.includes(leader.id));
  return (
    <div className="card">
      <h3>{t("hrsetup.networks.addMembers")}</h3>
      <form className="inline-form" onSubmit={onSearch}>
        <label htmlFor="member-query">{t("hrsetup.preview.search")}</label>
        <input id="member-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">{t("hrsetup.preview.find")}</button>
      </form>
      {found.isError ? <ErrorView error={found.error} /> : null}
      {found.isSuccess && candidates.length === 0 ? <p>{t("hrsetup.preview.noLeaders")}</p> : null}
      {candidates.length > 0 ? (
        <fieldset className="field">
          <legend>{t("hrsetup.networks.choose")}</legend>
          <div className="checks">
            {candidates.map((leader) => (
              <label key={leader.id} className="choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(leader.id)}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked ? [...chosen, leader.id] : chosen.filter((id) => id !== leader.id),
                    )
                  }
                />
                {leader.full_name} ({leader.employee_number})
              </label>
            ))}
          </div>
          <button type="button" disabled={chosen.length === 0 || add.isPending} onClick={() => add.mutate()}>
            {t("hrsetup.networks.addChosen", { count: chosen.length })}
          </button>
        </fieldset>
      ) : null}
      {add.error ? <ErrorView error={add.error} /> : null}
    </div>
  );
}

function RouletteSwitch({ network }: { network: Network }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const setting = useQuery(setupQueries.roulette(network.id));
  const [weeks, setWeeks] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (active: boolean) =>
      api.rouletteSet(network.id, {
        active,
        every_weeks: weeks ?? setting.data?.every_weeks ?? 4,
        cooldown_weeks: setting.data?.cooldown_weeks ?? 12,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: setupKeys.all }),
  });
  if (setting.isPending) return <Loading />;
  if (setting.isError) return <ErrorView error={setting.error} />;
  const on = setting.data.active;
  const date = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK", { dateStyle: "long" });
  return (
    <div className="card">
      <h3>{t("hrsetup.roulette.title")}</h3>
      <p>{t("hrsetup.roulette.intro")}</p>
      <p role="status">
        {on && setting.data.next_run_on
          ? t("hrsetup.roulette.on", {
              weeks: setting.data.every_weeks,
              date: date.format(new Date(setting.data.next_run_on)),
            })
          : t("hrsetup.roulette.off")}
      </p>
      <div className="inline-form">
        <label htmlFor="roulette-weeks">{t("hrsetup.roulette.every")}</label>
        <input
          id="roulette-weeks"
          type="number"
          min={1}
          max={52}
          value={weeks ?? setting.data.every_weeks}
          onChange={(e) => setWeeks(Number(e.target.value))}
        />
        <button type="button" disabled={save.isPending} onClick={() => save.mutate(!on)}>
          {on ? t("hrsetup.roulette.switchOff") : t("hrsetup.roulette.switchOn")}
        </button>
      </div>
      {save.error ? <ErrorView error={save.error} /> : null}
    </div>
  );
}
