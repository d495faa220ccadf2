/**
 * The change records the engine's state is made of. Each is written to the durable log before it is
 * acknowledged, and parsed back with these schemas when the engine starts (the disk is a boundary too).
 */
import { z } from 'zod';
import { Message, Project, Workflow } from '../../core/model';

export const ProjectCreated = z.object({ type: z.literal('project.created'), project: Project });
export const SessionCreated = z.object({
  type: z.literal('session.created'),
  session: z.object({ id: z.string(), projectId: z.string(), createdAt: z.string() }),
});
export const WorkflowCreated = z.object({ type: z.literal('workflow.created'), workflow: Workflow });
export const WorkflowUpdated = z.object({
  type: z.literal('workflow.updated'),
  workflowId: z.string(),
  patch: Workflow.omit({ id: true, sessionId: true, projectId: true, createdAt: true }).partial(),
});
export const MessageAppended = z.object({ type: z.literal('message.appended'), message: Message });

export const ChangeRecord = z.discriminatedUnion('type', [
  ProjectCreated,
  SessionCreated,
  WorkflowCreated,
  WorkflowUpdated,
  MessageAppended,
]);
export type ChangeRecord = z.infer<typeof ChangeRecord>;
export type WorkflowPatch = z.infer<typeof WorkflowUpdated>['patch'];

/** The snapshot compaction writes (see EngineState.snapshot). */
export const StateSnapshotSchema = z.object({
  version: z.literal(1),
  projects: z.array(Project),
  sessions: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      workflowIds: z.array(z.string()),
      messages: z.array(Message),
    }),
  ),
  workflows: z.array(Workflow),
});
