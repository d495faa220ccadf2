/**
 * The in-editor agent tools (language model tools): their names, zod inputs (package.json's
 * inputSchema must equal their JSON schema; a unit test checks), risk tier, and how a tool's `project`
 * argument finds a project. vscode-free.
 */
import { z } from 'zod';
import type { ProjectEntry, ServerSnapshot } from '../api/store/types';
import { LIMITS, PROJECT_NAME_PATTERN } from '../core/limits';
import { integer, text } from '../core/validation';

const project = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .describe('Project name or id; defaults to the project linked to this workspace, or the only project');

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
      name: text('name', {
        min: 1,
        max: LIMITS.projectNameMax,
        pattern: PROJECT_NAME_PATTERN,
        patternHint: 'letters, digits, hyphens and underscores',
      }).describe('Unique name: letters, digits, hyphens, underscores'),
      description: text('description', { max: LIMITS.descriptionMax }).optional(),
    }),
  },
  bilt_sendMessage: {
    risk: 'write',
    title: 'Send Message to Bilt',
    description:
      'Starts a Bilt workflow in a project with a natural-language instruction (the user confirms). One workflow per project at a time; check progress with bilt_getSession.',
    input: z.object({
      project,
      message: text('message', { min: LIMITS.messageMin, max: LIMITS.messageMax }).describe(
        'Instruction for Bilt, 1–5000 characters',
      ),
    }),
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
    }),
  },
  bilt_resumeWorkflow: {
    risk: 'write',
    title: 'Resume Bilt Workflow',
    description:
      'Continues a paused or interrupted Bilt workflow (the user confirms). For questions use bilt_answerQuestions.',
    input: z.object({ project }),
  },
  bilt_cancelWorkflow: {
    risk: 'destructive',
    title: 'Cancel Bilt Workflow',
    description:
      "Cancels a project's running, paused or queued Bilt workflow; it cannot be undone or resumed (the user confirms).",
    input: z.object({ project, reason: text('reason', { max: LIMITS.reasonMax }).optional() }),
  },
} as const;

export type AgentToolName = keyof typeof AGENT_TOOLS;

/** The package.json `contributes.languageModelTools` entries (scripts/sync-manifest.ts writes them). */
export function agentToolContributions() {
  return (Object.keys(AGENT_TOOLS) as AgentToolName[]).map((name) => ({
    name,
    displayName: AGENT_TOOLS[name].title,
    toolReferenceName: name.replace(/^bilt_/, 'bilt-'),
    canBeReferencedInPrompt: true,
    icon: '$(package)',
    tags: ['bilt'],
    userDescription: AGENT_TOOLS[name].description,
    modelDescription: AGENT_TOOLS[name].description,
    inputSchema: agentToolJsonSchema(name),
    when: 'config.bilt.agent.languageModelTools',
  }));
}
export type AgentToolInput<N extends AgentToolName> = z.output<(typeof AGENT_TOOLS)[N]['input']>;

export function agentToolJsonSchema(name: AgentToolName): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(AGENT_TOOLS[name].input, {
    target: 'draft-7',
    io: 'input',
  }) as Record<string, unknown>;
  return rest;
}

export type ProjectMatch = { serverId: string; entry: ProjectEntry } | { error: string };

/** Finds the project a tool means: by id, by exact (case-insensitive) name, or the default. */
export function resolveProject(
  snapshots: ServerSnapshot[],
  wanted: string | undefined,
  linked?: { serverId: string; projectId: string },
): ProjectMatch {
  const all = snapshots.flatMap((s) => (s.projects ?? []).map((entry) => ({ serverId: s.server.id, entry })));
  if (wanted) {
    const hit = all.filter(
      (x) => x.entry.project.id === wanted || x.entry.project.name.toLowerCase() === wanted.toLowerCase(),
    );
    if (hit.length === 1) {
      return hit[0]!;
    }
    if (hit.length > 1) {
      return { error: `Several projects are named "${wanted}" (on different servers); pass the project id instead` };
    }
    return {
      error: `No project "${wanted}". Known projects: ${all.map((x) => x.entry.project.name).join(', ') || 'none'}`,
    };
  }
  const l = linked && all.find((x) => x.serverId === linked.serverId && x.entry.project.id === linked.projectId);
  if (l) {
    return l;
  }
  if (all.length === 1) {
    return all[0]!;
  }
  return {
    error: all.length
      ? `Which project? Pass project (one of: ${all.map((x) => x.entry.project.name).join(', ')})`
      : 'There are no projects yet: create one with bilt_createProject',
  };
}
