import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { directoryKeys, directoryQueries } from "../../../api/directory";
import * as directory from "../../../api/directory";
import { Page } from "../../../components/Page";
import { DirectoryPrivacy } from "../../../components/Privacy";
import { ErrorView, Loading } from "../../../components/Status";
import { useI18n } from "../../../i18n";

/** HR: opt the municipality in to (or out of) the peer directory shared across municipalities. */
export function PeerDirectory() {
  const { t, number } = useI18n();
  const queryClient = useQueryClient();
  const state = useQuery(directoryQueries.setting());
  const [changed, setChanged] = useState(false);
  const save = useMutation({
    mutationFn: (enabled: boolean) => directory.directorySettingSet(enabled),
    onSuccess: (data) => {
      setChanged(true);
      queryClient.setQueryData(directoryKeys.setting(), data);
      return queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });
  const setting = state.data;
  return (
    <Page title={t("xorg.hr.title")}>
      <p>{t("xorg.hr.intro")}</p>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <ErrorView error={state.error} /> : null}
      {setting ? (
        <section className="card privacy" aria-labelledby="xorg-hr-switch">
          <h2 id="xorg-hr-switch">{t("xorg.privacy.title")}</h2>
          <DirectoryPrivacy id="xorg-hr-rules" heading={false} />
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                checked={setting.enabled}
                disabled={save.isPending}
                aria-describedby="xorg-hr-rules xorg-hr-optout"
                onChange={(event) => save.mutate(event.target.checked)}
              />
              {t("xorg.hr.label")}
            </label>
          </div>
          <p id="xorg-hr-optout" className="muted">
            {t("xorg.hr.optOut")} {t("xorg.hr.scoped")}
          </p>
          <ul>
            <li>{t("xorg.hr.leaders", { count: number(setting.leaders_opted_in, 0) })}</li>
            <li>{t("xorg.hr.others", { count: number(setting.other_organisations, 0) })}</li>
          </ul>
          {save.error ? <ErrorView error={save.error} /> : null}
          <p role="status" className="ok">
            {changed ? t(setting.enabled ? "xorg.hr.on" : "xorg.hr.off") : ""}
          </p>
        </section>
      ) : null}
    </Page>
  );
}
