/** HR's set-up screens, mounted at `/hr/setup/*` (one line in App.tsx). */
import { Route, Routes } from "react-router";
import { NotFound } from "../../NotFound";
import { StaffOffers } from "../../catalogue/StaffOffers";
import { SetupHub } from "./Hub";
import { ImportGuide } from "./ImportGuide";
import { NetworkSetup } from "./NetworkSetup";
import { PeerDirectory } from "./PeerDirectory";
import { StaffDirectory } from "./StaffDirectory";
import { TemplateEditor } from "./TemplateEditor";

export function HrSetupRoutes() {
  return (
    <Routes>
      <Route index element={<SetupHub />} />
      <Route path="import-guide" element={<ImportGuide />} />
      <Route path="staff" element={<StaffDirectory />} />
      <Route path="offers" element={<StaffOffers />} />
      <Route path="templates" element={<TemplateEditor />} />
      <Route path="networks" element={<NetworkSetup />} />
      <Route path="peer-directory" element={<PeerDirectory />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
