/** Which web page "Open in Browser" opens for a workflow or a project (only http(s) addresses ever leave the editor). */
import type { Workflow } from '../core/model';

/** The live Bilt app's page of a project. */
export const BILT_APP_PROJECT_URL = 'https://app.bilt.me/agent/';

const web = (u: string | null | undefined) => (u && /^https?:\/\/[^\s]+$/i.test(u) ? u : undefined);

/**
 * A workflow: its result, else the page where its pause is acted on. A project: the page where its
 * paused workflow waits for the user, else the newest result. Then, on the live Bilt service, the
 * project's page in the app. Undefined: there is no page yet.
 */
export function pageFor(o: {
  projectId: string;
  workflows: readonly Workflow[];
  workflowId?: string | undefined;
  onLiveBilt: boolean;
}): string | undefined {
  const app = o.onLiveBilt ? BILT_APP_PROJECT_URL + encodeURIComponent(o.projectId) : undefined;
  if (o.workflowId) {
    const w = o.workflows.find((x) => x.id === o.workflowId);
    return web(w?.result?.url) ?? web(w?.pause?.projectUrl) ?? app;
  }
  const latest = o.workflows[0];
  const acting = latest?.status === 'paused' ? web(latest.pause?.projectUrl) : undefined;
  return acting ?? o.workflows.map((w) => web(w.result?.url)).find(Boolean) ?? app;
}
