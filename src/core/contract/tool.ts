/**
 * What a tool says about itself, written once per tool in this folder and served unchanged by every
 * server that offers it (the engine, the bridge) or registered from it (the extension's agent tools).
 */
import type { z } from 'zod';

/** MCP tool annotations (hints for clients; a client may show them or confirm on them). */
export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/** A tool's name, texts, schemas and annotations: everything a client sees of it. */
export interface ToolSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  /** Written for a language model: what it does, when to use it, what comes back, what it refuses. */
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
}

/** Annotations of a tool that only reads the account's own data. */
export const READS: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };
/** Creates something in the account; nothing leaves it. */
export const CREATES: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
};
/** Starts or continues work that builds and deploys an app. */
export const RUNS: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
};
/** Stops work for good. */
export const DESTROYS: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
};

/** What a contract writes per tool beside its schemas. */
export interface ToolText {
  title: string;
  description: string;
  annotations: ToolAnnotations;
}

/** A contract's tool description: its texts with its schemas, by name; the server adds the handler. */
export function specOf<N extends string, I extends Record<N, z.ZodType>, O extends Record<N, z.ZodType>>(
  texts: Record<N, ToolText>,
  inputs: I,
  outputs: O,
) {
  return <M extends N>(name: M) => ({ name, ...texts[name], input: inputs[name], output: outputs[name] });
}
