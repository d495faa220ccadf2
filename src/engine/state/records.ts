/**
 * The change records the engine's state is made of. Each is written to the durable log before it is
 * acknowledged, and parsed back with these schemas when the engine starts (the disk is a boundary too).
 * Fields added later are optional, so a data dir written by an older engine still opens.
 */
import { z } from 'zod';
import { Message, Project, Workflow } from '../../core/model';

export const SessionData = z.record(z.string(), z.unknown());

export const ProjectCreated = z.object({ type: z.literal('project.created'), project: Project });
export const SessionCreated = z.object({
  type: z.literal('session.created'),
  session: z.object({
    id: z.string(),
    projectId: z.string(),
    createdAt: z.string(),
    /** Session API attributes (absent for sessions made through MCP). */
    agentId: z.string().optional(),
    taskId: z.string().optional(),
    prompt: z.string().optional(),
    data: SessionData.optional(),
  }),
});
/** PATCH of a session: the new prompt and the whole data after the merge (absent: unchanged). */
export const SessionUpdated = z.object({
  type: z.literal('session.updated'),
  sessionId: z.string(),
  patch: z.object({ prompt: z.string().optional(), data: SessionData.optional() }),
  updatedAt: z.string(),
});
/** The session, its workflows and its messages are gone; the project stays. */
export const SessionDeleted = z.object({
  type: z.literal('session.deleted'),
  sessionId: z.string(),
  projectId: z.string(),
  deletedAt: z.string(),
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
  SessionUpdated,
  SessionDeleted,
  WorkflowCreated,
  WorkflowUpdated,
  MessageAppended,
]);
export type ChangeRecord = z.infer<typeof ChangeRecord>;
export type WorkflowPatch = z.infer<typeof WorkflowUpdated>['patch'];
export type SessionPatch = z.infer<typeof SessionUpdated>['patch'];
