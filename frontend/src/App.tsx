import { Navigate, Route, Routes, useLocation } from "react-router";
import { useAuth } from "./auth";
import { Layout } from "./components/Layout";
import { Loading } from "./components/Status";
import { Dashboard } from "./screens/Dashboard";
import { Home } from "./screens/Home";
import { MyMentorships } from "./screens/MyMentorships";
import { PairScreen } from "./screens/mentorships/PairScreen";
import { MyPlan, PlanScreen } from "./screens/MyPlan";
import { MyProposals } from "./screens/MyProposals";
import { Peers } from "./screens/Peers";
import { PeersElsewhere } from "./screens/PeersElsewhere";
import { Knowhow } from "./screens/Knowhow";
import { ProgrammeCreate } from "./screens/hr/programmes/ProgrammeForm";
import { Programmes } from "./screens/hr/programmes/ProgrammeList";
import { ProgrammeScreen } from "./screens/hr/programmes/ProgrammeScreen";
import { MentorOffers } from "./screens/mentor/MentorOffers";
import { StaffContacts } from "./screens/StaffContacts";
import { SupportNeedDetail, SupportNeeds } from "./screens/SupportNeeds";
import { LeaderImport } from "./screens/LeaderImport";
import { Login } from "./screens/Login";
import { NotFound } from "./screens/NotFound";
import { Introductions } from "./screens/Introductions";
import { NetworkSignUps } from "./screens/NetworkSignUps";
import { Networks } from "./screens/Networks";
import { NetworkInsights } from "./screens/NetworkInsights";
import { HrSignUpScreen, HrSignUps } from "./screens/HrSignUps";
import { GatheringPrint } from "./screens/gatherings/GatheringPrint";
import { GatheringScreen } from "./screens/gatherings/GatheringScreen";
import { Gatherings } from "./screens/gatherings/Gatherings";
import { HrNetworkValue, NetworkValueForm } from "./screens/netvalue/NetworkValue";
import { Inbox } from "./screens/me/Inbox";
import {
  FlagsLink,
  ManualQueueLink,
  NetworkLink,
  PlanLink,
  ProposalLink,
  RouletteLink,
  SuggestionsLink,
} from "./screens/me/LinkTargets";
import { MyData } from "./screens/me/MyData";
import { Profile } from "./screens/me/Profile";
import { HrSetupRoutes } from "./screens/hr/setup/routes";
import { Coachees } from "./screens/coaching/Coachees";
import { CoachPool } from "./screens/coaching/CoachPool";
import { HrCoachRequests } from "./screens/coaching/HrCoachRequests";
import { MyCoach } from "./screens/coaching/MyCoach";
import { HelpCatalogue } from "./screens/catalogue/HelpCatalogue";
import { MyStaffRequests } from "./screens/catalogue/MyStaffRequests";
import { RequestBoard } from "./screens/catalogue/RequestBoard";

/** Redirect anonymous visitors to the login page, remembering where they were going. */
function RequireLogin() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  return <Layout />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route element={<RequireLogin />}>
        <Route index element={<Home />} />
        <Route path="plan" element={<MyPlan />} />
        <Route path="me/support-needs" element={<SupportNeeds />} />
        <Route path="me/support-needs/:needId" element={<SupportNeedDetail />} />
        <Route path="me/staff" element={<StaffContacts />} />
        <Route path="help" element={<HelpCatalogue />} />
        <Route path="help/requests" element={<MyStaffRequests />} />
        <Route path="hr/staff-requests" element={<RequestBoard />} />
        <Route path="hr/overview" element={<Dashboard audience="hr" key="hr" />} />
        <Route path="hr/overview/:planId" element={<PlanScreen />} />
        <Route path="hr/programmes" element={<Programmes />} />
        <Route path="hr/import" element={<LeaderImport />} />
        <Route path="hr/programmes/new" element={<ProgrammeCreate />} />
        <Route path="hr/setup/*" element={<HrSetupRoutes />} />
        <Route path="hr/programmes/:programmeId" element={<ProgrammeScreen />} />
        <Route path="mentoring/offers" element={<MentorOffers />} />
        <Route path="hr/networks/signups" element={<HrSignUps />} />
        <Route path="hr/networks/signups/:signupId" element={<HrSignUpScreen />} />
        <Route path="hr/networks/insights" element={<NetworkInsights />} />
        <Route path="hr/gatherings" element={<Gatherings />} />
        <Route path="hr/networks/value" element={<HrNetworkValue />} />
        <Route path="networks/value" element={<NetworkValueForm />} />
        <Route path="hr/gatherings/:gatheringId" element={<GatheringScreen />} />
        <Route path="hr/gatherings/:gatheringId/print" element={<GatheringPrint />} />
        <Route path="mentoring/proposals" element={<MyProposals />} />
        <Route path="peers" element={<Peers />} />
        <Route path="peers/elsewhere" element={<PeersElsewhere />} />
        <Route path="knowhow" element={<Knowhow />} />
        <Route path="mentoring/pairs" element={<MyMentorships />} />
        <Route path="mentoring/mentorships/:mentorshipId" element={<PairScreen />} />
        <Route path="peers/introductions" element={<Introductions />} />
        <Route path="networks" element={<Networks />} />
        <Route path="networks/requests" element={<Networks />} />
        <Route path="networks/signups" element={<NetworkSignUps />} />
        <Route path="my-leaders" element={<Dashboard audience="boss" key="boss" />} />
        <Route path="my-leaders/:planId" element={<PlanScreen />} />
        <Route path="me/notifications" element={<Inbox />} />
        <Route path="me/profile" element={<Profile />} />
        <Route path="me/data" element={<MyData />} />
        <Route path="coach" element={<MyCoach />} />
        <Route path="coaching/coachees" element={<Coachees />} />
        <Route path="hr/coaching/requests" element={<HrCoachRequests />} />
        <Route path="hr/coaching/coaches" element={<CoachPool />} />
        {/* Where notifications and e-mails link (backend/notifications/links.py). */}
        <Route path="mentoring/proposals/:proposalId" element={<ProposalLink />} />
        <Route path="mentoring/flags" element={<FlagsLink />} />
        <Route path="mentoring/suggestions" element={<SuggestionsLink />} />
        <Route
          path="mentoring/programmes/:programmeId/manual-queue"
          element={<ManualQueueLink />}
        />
        <Route path="networks/roulette" element={<RouletteLink />} />
        <Route path="networks/:networkId" element={<NetworkLink />} />
        <Route path="onboarding/plans/:planId" element={<PlanLink />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
