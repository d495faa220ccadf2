/**
 * The seed contract's 8 tools as agents read them: title, description and annotations, beside the
 * schemas in seed.ts. The engine serves these and the bridge serves these (and writes them into its
 * build-time tool list), so an agent reads the same rules whichever server it reached.
 */
import { seedInputs, seedOutputs, type SeedToolName } from './seed';
import { CREATES, DESTROYS, READS, RUNS, specOf, type ToolText } from './tool';

const SEED_TOOL_TEXT = {
  bilt_list_projects: {
    title: 'List Bilt projects',
    description: 'Lists every project of the account, newest first. Use it to find a project_id; no pagination.',
    annotations: READS,
  },
  bilt_get_project: {
    title: 'Get a Bilt project',
    description: 'Returns one project (name, description, visibility, times) by project_id.',
    annotations: READS,
  },
  bilt_create_project: {
    title: 'Create a Bilt project',
    description:
      'Creates a project. name: unique, up to 255 letters, digits, hyphens and underscores; description up to 1000 ' +
      'characters; visibility PUBLIC (default) or PRIVATE (a server that decides visibility itself refuses it: omit ' +
      'it there). Limited to 10 creations per hour. Then call bilt_get_session with its id as project_id.',
    annotations: CREATES,
  },
  bilt_get_session: {
    title: 'Get a Bilt session',
    description:
      'Returns a session: status (idle, pending, running, paused, completed, failed, cancelled), progress ' +
      "(percentage, current_step), a pending pause with its questions, and recent workflows. With project_id: that project's " +
      'current session (created idle on first use). With session_id: that session. With neither: the most recent ' +
      'session. Call it to get the session_id before bilt_send_message, and to monitor progress (every 2–5 seconds, ' +
      'not faster).',
    annotations: READS,
  },
  bilt_send_message: {
    title: 'Send an instruction to Bilt',
    description:
      'Starts a workflow in a session with a natural-language instruction (1–5000 characters), e.g. "Add a login ' +
      'screen" or "Deploy to production". One workflow per session at a time: if one is pending, running or paused ' +
      'this fails with "A workflow is already in progress". wait_for_response=false (default) returns at once with ' +
      'the workflow_id; true waits until the workflow ends or needs the user (up to 5 minutes), reporting progress, ' +
      'then returns its status. 100 messages per hour per project.',
    annotations: RUNS,
  },
  bilt_get_messages: {
    title: "Read a Bilt session's messages",
    description:
      "Returns a page of the session's messages, newest first: side (user or ai), variant (info, log, success, " +
      'error), text, time, and seq (position in the history, 1 = oldest). limit 1–100 (default 50), offset from the ' +
      'newest (default 0); total and has_more tell whether older ones remain. To read only what is new since you ' +
      'last saw total=N, fetch limit=(new total − N). The deployment URL appears in a success message.',
    annotations: READS,
  },
  bilt_resume_workflow: {
    title: 'Resume a paused Bilt workflow',
    description:
      "Continues the session's paused workflow. When it paused with questions (pause.questions in " +
      'bilt_get_session), pass answers: [{question_index, selected_options?, text?}] for every question. Also ' +
      're-runs a workflow that failed because it was interrupted. A cancelled or completed workflow cannot be ' +
      'resumed. Secrets and Supabase pauses need the user to act at pause.project_url first; servers that then ' +
      'resume by themselves refuse this call and say so.',
    annotations: RUNS,
  },
  bilt_cancel_workflow: {
    title: 'Cancel a Bilt workflow',
    description:
      "Stops the session's running, paused or pending workflow immediately; this cannot be undone and a cancelled " +
      'workflow is never resumed (send a new message instead). Completed, failed and cancelled workflows cannot be ' +
      'cancelled. reason (up to 500 characters) is kept in the log. Ask the user first when the build is far along.',
    annotations: DESTROYS,
  },
} satisfies Record<SeedToolName, ToolText>;

/** A seed tool's whole description (name, texts, schemas, annotations); the server adds the handler. */
export const seedToolSpec = specOf(SEED_TOOL_TEXT, seedInputs, seedOutputs);
