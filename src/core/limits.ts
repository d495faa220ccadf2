/**
 * Every documented limit of the Bilt contract, written once. Engine, client, bridge and UI read them
 * from here; error texts name the field and the limit (see validation.ts).
 */
export const LIMITS = {
  /** bilt_send_message.message: 1–5000 characters. */
  messageMin: 1,
  messageMax: 5000,
  /** bilt_cancel_workflow.reason: at most 500 characters. */
  reasonMax: 500,
  /** bilt_create_project.name: 1–255 characters of [A-Za-z0-9_-], unique per account. */
  projectNameMax: 255,
  /** bilt_create_project.description: at most 1000 characters. */
  descriptionMax: 1000,
  /** bilt_get_messages.limit: 1–100, default 50; offset ≥ 0. */
  messagesLimitMin: 1,
  messagesLimitMax: 100,
  messagesLimitDefault: 50,
  /** bilt_list_projects.limit (optional, an engine extension; without it every project): 1–100; offset ≥ 0. */
  projectsLimitMax: 100,
  /** 100 messages per hour per project (user messages that start workflows). */
  messagesPerHourPerProject: 100,
  /** 10 project creations per hour per account. */
  projectsPerHour: 10,
  /** 100 active projects per account (free tier). */
  maxProjects: 100,
  /** wait_for_response blocks at most this long (5 minutes) and then returns the current state. */
  waitTimeoutMs: 5 * 60_000,
  /** 100 requests per minute per API key (the live service's global limit). */
  requestsPerMinute: 100,
} as const;

export const PROJECT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
export const HOUR_MS = 60 * 60_000;
