/** The peer finder and introductions (`/api/peers/`). */
import { api, request, unwrap } from "./client";
import type { paths } from "./schema";

type PeerQuery = NonNullable<paths["/api/peers/"]["get"]["parameters"]["query"]>;

export interface PeerReason {
  code: string;
  da: string;
  en: string;
}

export interface Peer {
  leader: {
    id: number;
    name: string;
    role_title: string;
    unit: string | null;
    service_type: string | null;
    is_specialist: boolean;
    administration: string | null;
  };
  score: number;
  reasons: PeerReason[];
}

export async function peers(query: PeerQuery): Promise<Peer[]> {
  const body = unwrap(await api.GET("/api/peers/", { params: { query } })) as unknown as {
    results: Peer[];
  };
  return body.results;
}

export async function introductionRequest(toLeader: number, message: string): Promise<void> {
  // The schema names this body "InputRequest" and another endpoint's wins the collision.
  await request("POST", "/api/peers/introductions/", { to_leader: toLeader, message });
}
