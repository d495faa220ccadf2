/** Every command of the extension, registered in one place (one line each; each lives in its own file). */
import type * as vscode from 'vscode';
import { registerAddServer } from './addServer';
import { registerAnswerQuestions } from './answerQuestions';
import { registerCancelWorkflow } from './cancelWorkflow';
import { registerChooseAccount } from './chooseAccount';
import { registerClearFilter } from './clearFilter';
import { registerCopyId } from './copyId';
import { registerCopyMcpConfig } from './copyMcpConfig';
import { registerCreateProject } from './createProject';
import type { CommandDeps } from './deps';
import { registerEnableLocalEngine } from './enableLocalEngine';
import { registerExportTranscript } from './exportTranscript';
import { registerFilter } from './filter';
import { registerLinkWorkspace } from './linkWorkspace';
import { registerOpenInBrowser } from './openInBrowser';
import { registerOpenTranscript } from './openTranscript';
import { registerRefresh } from './refresh';
import { registerRemoveServer } from './removeServer';
import { registerRestartLocalEngine } from './restartLocalEngine';
import { registerResumeWorkflow } from './resumeWorkflow';
import { registerPauseWorkflow } from './pauseWorkflow';
import { registerDeleteSession } from './deleteSession';
import { registerSendMessage } from './sendMessage';
import { registerSendToBilt } from './sendToBilt';
import { registerNotifyLevels } from './notifyLevel';
import { registerMarkAllRead } from './markAllRead';
import { registerFinishedFilter } from './finishedFilter';
import { registerReportProblem } from './reportProblem';
import { registerShowLogs } from './showLogs';
import { registerShowSessionLog } from './showSessionLog';
import { registerShowWorkflows } from './showWorkflows';
import { registerSignIn } from './signIn';
import { registerSignOut } from './signOut';

export type { CommandDeps } from './deps';

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerSignIn(deps),
    registerSignOut(deps),
    registerChooseAccount(deps),
    registerAddServer(deps),
    registerRemoveServer(deps),
    registerEnableLocalEngine(deps),
    registerRestartLocalEngine(deps),
    registerRefresh(deps),
    registerCreateProject(deps),
    registerSendMessage(deps),
    registerSendToBilt(deps),
    registerCancelWorkflow(deps),
    registerResumeWorkflow(deps),
    registerPauseWorkflow(deps),
    registerDeleteSession(deps),
    registerAnswerQuestions(deps),
    registerShowSessionLog(deps),
    registerExportTranscript(deps),
    registerOpenTranscript(deps),
    registerCopyId(deps),
    registerOpenInBrowser(deps),
    registerLinkWorkspace(deps),
    registerCopyMcpConfig(deps),
    registerFilter(deps),
    registerClearFilter(deps),
    registerShowWorkflows(deps),
    ...registerNotifyLevels(deps),
    registerMarkAllRead(deps),
    ...registerFinishedFilter(deps),
    registerShowLogs(deps),
    registerReportProblem(deps),
  ];
}
