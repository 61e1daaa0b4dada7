// Generated from openapi.yaml by scripts/form_rules.py (npm run gen:rules); do not edit.
// Per request body: each field's required / maxLength / minLength / min / max.
export const formRules = {
  CheckInInputRequest: {
    met_on: { required: true },
    minutes: { required: true, min: 1, max: 1440 },
    note: { maxLength: 4000 },
  },
  CohortSettingRequest: {
    window_days: { min: 14 },
    min_size: { min: 2 },
    max_size: { min: 0, max: 30 },
  },
  CompetenciesInputRequest: {
    levels: { required: true },
  },
  CredentialsInputRequest: {
    username: { required: true, maxLength: 150, minLength: 1 },
    password: { required: true, maxLength: 128, minLength: 1 },
  },
  DraftMoveInputRequest: {
    leader: { required: true },
    to_group: { required: true, min: 0 },
  },
  EnrolmentCreateInputRequest: {
    leader: { required: true },
    second_mentorship_reason: { maxLength: 400 },
  },
  ExitSurveyInputRequest: {
    rating: { required: true, min: 1, max: 5 },
    goals_met: { required: true },
    would_recommend: { required: true },
    comment: { maxLength: 2000 },
  },
  InformalNetworkInputRequest: {
    name: { required: true, maxLength: 200, minLength: 1 },
    description: { maxLength: 2000 },
  },
  InputRequest: {
    reason: { required: true, maxLength: 300, minLength: 1 },
    confirm: { required: true },
  },
  IntroductionCreateInputRequest: {
    to_leader: { required: true },
    message: { maxLength: 1000 },
  },
  InvitationAnswerInputRequest: {
    accept: { required: true },
    capacity: { min: 0, max: 10 },
    availability: { maxLength: 400 },
    hours_per_month: { min: 0, max: 100 },
  },
  LeaderHrInputRequest: {
    phone: { maxLength: 40 },
    bio: { maxLength: 2000 },
    employee_number: { required: true, maxLength: 40, minLength: 1 },
    first_name: { required: true, maxLength: 100, minLength: 1 },
    last_name: { required: true, maxLength: 100, minLength: 1 },
    role_title: { required: true, maxLength: 200, minLength: 1 },
    previous_role_title: { maxLength: 200 },
  },
  LeaderImportInputRequest: {
    file: { required: true },
  },
  MeetingInputRequest: {
    starts_at: { required: true },
    minutes: { min: 15, max: 480 },
    location: { maxLength: 200 },
  },
  MentorInviteInputRequest: {
    leaders: { required: true },
    override_reason: { maxLength: 400 },
  },
  MentorshipEndInputRequest: {
    completed: { required: true },
    reason: { maxLength: 400 },
  },
  NetworkInputRequest: {
    name: { required: true, maxLength: 200, minLength: 1 },
    kind: { required: true },
    theme: { maxLength: 200 },
    description: { maxLength: 4000 },
  },
  NetworkInviteInputRequest: {
    leader_id: { required: true },
  },
  NetworkJoinInputRequest: {
    message: { maxLength: 1000 },
  },
  NetworkMembersInputRequest: {
    leader_ids: { required: true },
  },
  OfferCreateInputRequest: {
    capacity: { required: true, min: 0, max: 10 },
    hours_per_month: { min: 0, max: 100 },
    availability: { maxLength: 400 },
    override_reason: { maxLength: 400 },
  },
  OnboardingPlanCreateInputRequest: {
    leader_id: { required: true },
  },
  OnboardingPlanItemAddInputRequest: {
    title_da: { required: true, maxLength: 200, minLength: 1 },
    title_en: { maxLength: 200, minLength: 1 },
    topic: { minLength: 1 },
    due_date: { required: true },
  },
  OnboardingPlanItemDropInputRequest: {
    reason: { maxLength: 500 },
  },
  PatchedLeaderHrInputRequest: {
    phone: { maxLength: 40 },
    bio: { maxLength: 2000 },
    employee_number: { maxLength: 40, minLength: 1 },
    first_name: { maxLength: 100, minLength: 1 },
    last_name: { maxLength: 100, minLength: 1 },
    role_title: { maxLength: 200, minLength: 1 },
    previous_role_title: { maxLength: 200 },
  },
  PatchedNetworkInputRequest: {
    name: { maxLength: 200, minLength: 1 },
    theme: { maxLength: 200 },
    description: { maxLength: 4000 },
  },
  PatchedOfferInputRequest: {
    capacity: { min: 0, max: 10 },
    hours_per_month: { min: 0, max: 100 },
    availability: { maxLength: 400 },
    override_reason: { maxLength: 400 },
  },
  PatchedOnboardingPlanItemUpdateInputRequest: {
    reason: { maxLength: 500 },
  },
  PatchedProgrammeInputRequest: {
    name: { maxLength: 200, minLength: 1 },
    default_length_months: { min: 1, max: 60 },
    meeting_cadence_weeks: { min: 1, max: 26 },
    proposal_expiry_days: { min: 1, max: 90 },
    first_meeting_days: { min: 1, max: 180 },
    enrol_window_days: { min: 1, max: 1000 },
  },
  PatchedSettingsRequest: {
    remind_days_before: { min: 0, max: 60 },
    escalate_after_days: { min: 0, max: 365 },
  },
  PatchedStaffContactInputRequest: {
    staff_function_id: { min: 1 },
    name: { maxLength: 200, minLength: 1 },
    title: { maxLength: 200 },
    phone: { maxLength: 40 },
  },
  PatchedStaffFunctionUpdateInputRequest: {
    name: { maxLength: 200, minLength: 1 },
    description: { maxLength: 4000 },
  },
  PatchedStaffOfferInputRequest: {
    staff_function_id: { min: 1 },
    delivered_by_id: { min: 1 },
    title_da: { maxLength: 200, minLength: 1 },
    title_en: { maxLength: 200 },
    description_da: { maxLength: 4000 },
    description_en: { maxLength: 4000 },
    duration: { maxLength: 200 },
    timing: { maxLength: 200 },
  },
  PatchedStaffOfferRequestUpdateInputRequest: {
    reply: { maxLength: 2000 },
    decline_reason: { maxLength: 500 },
  },
  PatchedSupportNeedUpdateInputRequest: {
    note: { maxLength: 4000 },
  },
  PatchedTemplateInputRequest: {
    staff_above: { min: 0, max: 100000 },
    name_da: { maxLength: 200, minLength: 1 },
    name_en: { maxLength: 200 },
    description_da: { maxLength: 4000 },
    description_en: { maxLength: 4000 },
    order: { min: 0, max: 32767 },
  },
  PatchedTemplateItemInputRequest: {
    staff_above: { min: 0, max: 100000 },
    title_da: { maxLength: 200, minLength: 1 },
    title_en: { maxLength: 200 },
    guidance_da: { maxLength: 20000 },
    guidance_en: { maxLength: 20000 },
    due_offset_days: { min: -365, max: 1095 },
    depends_on: { min: 1 },
    topic_id: { min: 1 },
    order: { min: 0, max: 32767 },
  },
  PatchedTopicUpdateInputRequest: {
    label_da: { maxLength: 200, minLength: 1 },
    label_en: { maxLength: 200, minLength: 1 },
    order: { min: 0, max: 32767 },
  },
  ProgrammeInputRequest: {
    name: { required: true, maxLength: 200, minLength: 1 },
    starts_on: { required: true },
    default_length_months: { min: 1, max: 60 },
    meeting_cadence_weeks: { min: 1, max: 26 },
    proposal_expiry_days: { min: 1, max: 90 },
    first_meeting_days: { min: 1, max: 180 },
    enrol_window_days: { min: 1, max: 1000 },
  },
  ProposalCreateInputRequest: {
    enrolment: { required: true },
    offer: { required: true },
    reason: { required: true, maxLength: 400, minLength: 1 },
  },
  ProposalDeclineInputRequest: {
    reason: { maxLength: 400 },
  },
  ProposalSwapInputRequest: {
    reason: { required: true, maxLength: 400, minLength: 1 },
    offer: { required: true },
  },
  PulseInputRequest: {
    met_on: { required: true },
    score: { required: true, min: 1, max: 5 },
    comment: { maxLength: 1000 },
  },
  ReasonInputRequest: {
    reason: { required: true, maxLength: 400, minLength: 1 },
  },
  RouletteSettingInputRequest: {
    every_weeks: { min: 1, max: 52 },
    cooldown_weeks: { min: 0, max: 260 },
  },
  SignUpComposeInputRequest: {
    seed: { min: 0 },
  },
  SignUpCreateInputRequest: {
    theme: { required: true, maxLength: 200, minLength: 1 },
    min_size: { min: 2, max: 50 },
    max_size: { min: 2, max: 50 },
    deadline: { required: true },
  },
  StaffContactInputRequest: {
    staff_function_id: { required: true, min: 1 },
    name: { required: true, maxLength: 200, minLength: 1 },
    title: { maxLength: 200 },
    phone: { maxLength: 40 },
  },
  StaffFunctionInputRequest: {
    kind: { required: true },
    name: { required: true, maxLength: 200, minLength: 1 },
    description: { maxLength: 4000 },
  },
  StaffOfferInputRequest: {
    staff_function_id: { required: true, min: 1 },
    delivered_by_id: { min: 1 },
    title_da: { required: true, maxLength: 200, minLength: 1 },
    title_en: { maxLength: 200 },
    description_da: { maxLength: 4000 },
    description_en: { maxLength: 4000 },
    duration: { maxLength: 200 },
    timing: { maxLength: 200 },
  },
  StaffOfferRequestInputRequest: {
    message: { maxLength: 2000 },
    desired_timing: { maxLength: 200 },
  },
  SupportNeedCreateInputRequest: {
    topic: { required: true },
    note: { maxLength: 4000 },
  },
  TemplateInputRequest: {
    staff_above: { min: 0, max: 100000 },
    name_da: { required: true, maxLength: 200, minLength: 1 },
    name_en: { maxLength: 200 },
    description_da: { maxLength: 4000 },
    description_en: { maxLength: 4000 },
    order: { min: 0, max: 32767 },
  },
  TemplateItemInputRequest: {
    staff_above: { min: 0, max: 100000 },
    title_da: { required: true, maxLength: 200, minLength: 1 },
    title_en: { maxLength: 200 },
    guidance_da: { maxLength: 20000 },
    guidance_en: { maxLength: 20000 },
    due_offset_days: { min: -365, max: 1095 },
    depends_on: { min: 1 },
    topic_id: { min: 1 },
    order: { min: 0, max: 32767 },
  },
  TopicCreateInputRequest: {
    slug: { required: true, maxLength: 60, minLength: 1 },
    label_da: { required: true, maxLength: 200, minLength: 1 },
    label_en: { required: true, maxLength: 200, minLength: 1 },
    order: { min: 0, max: 32767 },
  },
} as const;
