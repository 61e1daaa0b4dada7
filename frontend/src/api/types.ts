/**
 * Shapes the screens use, taken from the generated schema and tightened where the schema is
 * looser than the API (DRF SerializerMethodFields and plain APIViews the generator cannot see).
 */
import type { components } from "./schema";

type S = components["schemas"];

export type Language = "da" | "en";
export type Role = NonNullable<S["Me"]["role"]>;

/** The `/api/me/` payload. */
export type Me = Omit<S["Me"], "role" | "language"> & {
  role: Role;
  /** The saved choice; empty when the user never chose (the UI then keeps its own). */
  language: Language | "";
};

export type Progress = {
  done: number;
  total: number;
  percent: number;
  overdue: number;
  next_due: string | null;
};

// Written out: the generated enum's name shifts with the backend's serializer-name collisions.
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

export type Viewer = "self" | "hr" | "boss" | "owner";

/** `GET /api/onboarding/plans/{id}/` (a plain APIView: not described in the schema). */
export type PlanDetail = S["Plan"] & { viewer: Viewer; progress: Progress; items: PlanItem[] };

export type SupportNeed = S["SupportNeed"];
export type SupportNeedDetail = S["SupportNeedDetail"];
export type Topic = S["Topic"];
export type StaffContact = S["StaffContact"];
export type LeaderDetail = S["LeaderDetail"];
export type Weight = S["WeightEnum"];

/** DRF's page-number pagination envelope. */
export type Page<T> = { count: number; next?: string | null; previous?: string | null; results: T[] };
