/**
 * Shapes shared by several API areas, taken from the generated schema and tightened where the
 * schema is looser than the API (a JSON field the generator sees as `{[key]: unknown}`, a
 * field the serializer leaves out for some callers).
 */
import type { components } from "./schema";

type S = components["schemas"];

export type Language = S["LanguageEnum"];
export type Role = NonNullable<S["Me"]["role"]>;

/** The `/api/me/` payload. */
export type Me = Omit<S["Me"], "role" | "language"> & {
  role: Role;
  /** The saved choice; empty when the user never chose (the UI then keeps its own). */
  language: Language | "";
};

export type Progress = S["Progress"];

// Written out: the item's `status` is a plain string in the schema.
export type ItemStatus = "todo" | "in_progress" | "done" | "not_applicable";

/** A plan item; `need_help` is absent for the boss line (private to the leader and HR). */
export type PlanItem = Omit<S["PlanItem"], "need_help" | "status"> & {
  status: ItemStatus;
  need_help?: boolean;
};

/** A dashboard row; `need_help_count` and `mentor_status` only for HR. */
export type PlanRow = Omit<S["PlanList"], "progress"> & {
  progress: Progress;
  need_help_count?: number;
  mentor_status?: "matched" | "not_matched";
};

export type Viewer = S["ViewerEnum"];

/** `GET /api/onboarding/plans/{id}/`. */
export type PlanDetail = Omit<S["PlanDetail"], "items"> & { items: PlanItem[] };

export type SupportNeed = S["SupportNeed"];
export type SupportNeedDetail = S["SupportNeedDetail"];
export type Topic = S["Topic"];
export type StaffContact = S["StaffContact"];
export type LeaderDetail = S["LeaderDetail"];
export type Weight = S["WeightEnum"];
