import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { directoryKeys, directoryQueries } from "../../api/directory";
import * as me from "../../api/me";
import { meKeys } from "../../api/me";
import type { LeaderDetail } from "../../api/types";
import { DirectoryPrivacy } from "../../components/Privacy";
import { ErrorView } from "../../components/Status";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n";

/**
 * On /me/profile, beside the peer finder's opt-in: the leader's own, separate yes to the shared
 * peer directory across municipalities (off until they say yes), with what crosses the boundary
 * worded from the served rules.
 */
export function DirectorySection({ leaderId, profile }: { leaderId: number; profile: LeaderDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const standing = useQuery(directoryQueries.directory({}));
  const [status, setStatus] = useState<MessageKey | null>(null);
  const save = useMutation({
    mutationFn: (on: boolean) => me.myProfileUpdate(leaderId, { directory_discoverable: on }),
    onSuccess: (data) => {
      setStatus(data.directory_discoverable ? "xorg.profile.on" : "xorg.profile.off");
      queryClient.setQueryData(meKeys.profile(leaderId), data);
      return queryClient.invalidateQueries({ queryKey: directoryKeys.all });
    },
  });
  return (
    <section aria-labelledby="xorg-profile" className="profile-section card privacy">
      <h2 id="xorg-profile">{t("xorg.profile.title")}</h2>
      <p>{t("xorg.profile.intro")}</p>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            checked={Boolean(profile.directory_discoverable)}
            disabled={save.isPending}
            aria-describedby="xorg-profile-sees"
            onChange={(event) => save.mutate(event.target.checked)}
          />
          {t("xorg.profile.label")}
        </label>
      </div>
      {standing.data && !standing.data.organisation_opted_in ? (
        <p className="muted">{t("xorg.profile.orgOff")}</p>
      ) : null}
      <DirectoryPrivacy id="xorg-profile-sees" heading={false} />
      {save.error ? <ErrorView error={save.error} /> : null}
      <p role="status" className="ok">
        {status ? t(status) : ""}
      </p>
    </section>
  );
}
