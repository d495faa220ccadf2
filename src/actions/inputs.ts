/**
 * The actions check what people and agents type with the same zod fields as the engine, so a refusal
 * names the field and the limit in the engine's words ("message must be at most 5000 characters (got 5001)").
 */
import { z } from 'zod';
import { seedInputs } from '../core/contract/seed';
import { parseInput } from '../core/validation';

const MessageInput = z.object({ message: seedInputs.bilt_send_message.shape.message });
const ReasonInput = z.object({ reason: seedInputs.bilt_cancel_workflow.shape.reason });
const ProjectInput = z.object({
  name: seedInputs.bilt_create_project.shape.name,
  description: seedInputs.bilt_create_project.shape.description,
});

export const checkMessage = (message: string) => parseInput(MessageInput, { message }).message;
export const checkReason = (reason: string | undefined) => parseInput(ReasonInput, { reason }).reason;
export const checkProjectInput = (name: string, description: string | undefined) =>
  parseInput(ProjectInput, { name, description });
