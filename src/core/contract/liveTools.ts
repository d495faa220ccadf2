/**
 * The live contract's 7 tools as agents read them: title, description and annotations, beside the
 * schemas in live.ts. The engine serves them at /live/mcp.
 */
import { liveInputs, liveOutputs, type LiveToolName } from './live';
import { CREATES, DESTROYS, READS, RUNS, specOf, type ToolText } from './tool';

const LIVE_TOOL_TEXT = {
  bilt_list_projects: {
    title: 'List Bilt projects',
    description: "Lists the projects owned by the authenticated user, newest first. Keep a project's id as projectId.",
    annotations: READS,
  },
  bilt_get_project: {
    title: 'Get a Bilt project',
    description: 'Returns one project by projectId, with its projectUrl.',
    annotations: READS,
  },
  bilt_create_project: {
    title: 'Create a Bilt project',
    description:
      'Creates a project (name: unique, up to 255 letters, digits, hyphens and underscores; optional description up ' +
      'to 1000 characters). Keep the returned id as projectId for the other tools.',
    annotations: CREATES,
  },
  bilt_get_session: {
    title: "Get a Bilt project's session",
    description:
      "Returns the project's session state, its workflows (latest first) and hasActiveWorkflows. Queued, running and " +
      'paused workflows count as active: before sending unrelated work, wait until hasActiveWorkflows is false.',
    annotations: READS,
  },
  bilt_send_message: {
    title: 'Send an instruction or answers to Bilt',
    description:
      'Fresh request: projectId + message (1–5000 characters). Answering a pause with questions: projectId + ' +
      'workflowId + answers, a JSON-encoded string like [{"questionIndex":0,"selectedOptions":["Option A"]}]. Blocks ' +
      "until the workflow completes, pauses or fails, up to the engine's wait limit; returns status queued, paused " +
      '(pauseType questions, secrets or supabase), completed, error or timeout. For secrets/supabase pauses send the ' +
      'user to projectUrl; never send secrets through this tool.',
    annotations: RUNS,
  },
  bilt_get_messages: {
    title: "Read a Bilt project's conversation",
    description:
      "Returns the project's conversation history, newest first: side, variant, content, time and seq (1 = oldest). " +
      'Optional limit 1–100 (default 50) and offset from the newest; total and hasMore tell whether more remain.',
    annotations: READS,
  },
  bilt_cancel_workflow: {
    title: "Cancel a Bilt project's active workflow",
    description:
      "Cancels the project's active (queued, running or paused) workflow; it cannot be resumed afterwards. " +
      'Optional reason up to 500 characters.',
    annotations: DESTROYS,
  },
} satisfies Record<LiveToolName, ToolText>;

/** A live tool's whole description (name, texts, schemas, annotations); the server adds the handler. */
export const liveToolSpec = specOf(LIVE_TOOL_TEXT, liveInputs, liveOutputs);
