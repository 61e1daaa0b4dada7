/** The programme screens moved to `hr/programmes/` (one component per concern); this module
 * keeps the old import path working. */
export { PROPOSAL_STATUS } from "./hr/programmes/shared";
export { Programmes } from "./hr/programmes/ProgrammeList";
export { ProgrammeScreen } from "./hr/programmes/ProgrammeScreen";
