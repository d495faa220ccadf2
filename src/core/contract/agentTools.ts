/**
 * The extension's own agent tools (VS Code language model tools): name, title, description, zod input
 * and risk, written once. The extension registers them from here, package.json's languageModelTools
 * are generated from here (npm run sync-manifest; a unit test fails when they differ), and the chat
 * participant calls them by these names. They take a project by name and act through the actions.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { bool, integer } from '../validation';
import { seedInputs } from './seed';

export type AgentToolRisk = 'read' | 'write' | 'destructive';

const project = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .describe('Project name or id; defaults to the project linked to this workspace, or the only project');
const wait = bool('wait')
  .optional()
  .describe(
    'true: also wait until the workflow completes, fails, is cancelled or needs the user (up to 5 minutes), and return that state',
  );

export const AGENT_TOOLS = {
  bilt_listProjects: {
    risk: 'read',
    title: 'List Bilt Projects',
    description:
      "Lists the Bilt projects of every configured Bilt server (the local engine and signed-in servers) with each project's current status.",
    input: z.object({}),
  },
  bilt_getSession: {
    risk: 'read',
    title: 'Get Bilt Session',
    description:
      "Reads a Bilt project's current session: status, progress, the questions of a paused workflow, and its recent workflows with their results or errors.",
    input: z.object({ project }),
  },
  bilt_getMessages: {
    risk: 'read',
    title: 'Get Bilt Messages',
    description:
      "Reads the newest messages of a Bilt project's session (build logs, results such as the deployment URL, errors).",
    input: z.object({
      project,
      limit: integer('limit', { min: 1, max: LIMITS.messagesLimitMax })
        .optional()
        .describe('How many of the newest messages, 1–100 (default 20)'),
    }),
  },
  bilt_createProject: {
    risk: 'write',
    title: 'Create Bilt Project',
    description:
      'Creates a Bilt project (the user confirms). Names are unique: letters, digits, hyphens and underscores.',
    input: z.object({
      name: seedInputs.bilt_create_project.shape.name,
      description: seedInputs.bilt_create_project.shape.description,
    }),
  },
  bilt_sendMessage: {
    risk: 'write',
    title: 'Send Message to Bilt',
    description:
      'Starts a Bilt workflow in a project with a natural-language instruction (the user confirms). One workflow per project at a time; check progress with bilt_getSession, or pass wait to get the outcome.',
    input: z.object({ project, message: seedInputs.bilt_send_message.shape.message, wait }),
  },
  bilt_answerQuestions: {
    risk: 'write',
    title: 'Answer Bilt Questions',
    description:
      'Answers the questions a paused Bilt workflow asks (see bilt_getSession pause.questions); the user confirms.',
    input: z.object({
      project,
      answers: z
        .array(
          z.object({
            questionIndex: integer('questionIndex', { min: 0 }),
            selectedOptions: z.array(z.string()).optional(),
            text: z.string().optional(),
          }),
        )
        .min(1)
        .describe('One answer per question of the paused workflow (see bilt_getSession)'),
      wait,
    }),
  },
  bilt_resumeWorkflow: {
    risk: 'write',
    title: 'Resume Bilt Workflow',
    description:
      'Continues a paused or interrupted Bilt workflow (the user confirms). For questions use bilt_answerQuestions.',
    input: z.object({ project, wait }),
  },
  bilt_cancelWorkflow: {
    risk: 'destructive',
    title: 'Cancel Bilt Workflow',
    description:
      "Cancels a project's running, paused or queued Bilt workflow; it cannot be undone or resumed (the user confirms).",
    input: z.object({ project, reason: seedInputs.bilt_cancel_workflow.shape.reason }),
  },
} as const satisfies Record<string, { risk: AgentToolRisk; title: string; description: string; input: z.ZodObject }>;

export type AgentToolName = keyof typeof AGENT_TOOLS;
export type AgentToolInput<N extends AgentToolName> = z.output<(typeof AGENT_TOOLS)[N]['input']>;
export const AGENT_TOOL_NAMES = Object.keys(AGENT_TOOLS) as AgentToolName[];

/** The input's JSON schema as package.json declares it. */
export function agentToolJsonSchema(name: AgentToolName): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(AGENT_TOOLS[name].input, {
    target: 'draft-7',
    io: 'input',
  }) as Record<string, unknown>;
  return rest;
}
