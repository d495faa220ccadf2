/**
 * The actions: every way to change Bilt state (send, cancel, resume, answer, create, link) and to read
 * it, decided and performed here, once, without VS Code. Each takes a target and its input, checks the
 * state rules and limits (in the engine's words), acts through the one client, tells the store, and
 * returns an Outcome. Commands, agent tools and the chat participant only collect input and present it.
 */
export type { ActionContext, ActionOptions, ActionStore, ProjectLinks, Target, WriteOptions } from './context';
export type { Aborted, Done, NeedsConfirmation, Outcome, Refused } from './outcome';
export { mapDone, reasonOf } from './outcome';
export { findTarget, loadTarget, onProject, projectName, type Loaded } from './target';
export { checkSend, sendMessage, type Sent } from './send';
export { cancelWorkflow, type CancelOptions, type Cancelled } from './cancel';
export { needsAnswers, resumeWorkflow, type Resumed } from './resume';
export { pauseWorkflow, type Paused } from './pause';
export { deleteSession, type Deleted } from './deleteSession';
export { answerQuestions, checkAnswer, type Answered, type Asked } from './answer';
export { createProject, defaultServer, type Created, type NewProject } from './createProject';
export { linkWorkspace, type Linked } from './link';
export {
  listProjects,
  readMessages,
  readRecentMessages,
  readSession,
  type MessagesRead,
  type ProjectListing,
  type RecentMessages,
} from './reads';
export { SessionFollower, type FollowedSession, type FollowOptions } from './follow';
export { isSettled, waitForWorkflow, type WaitOptions, type WaitResult } from './wait';
