/**
 * The built-in scenario: Bilt's plan → build → deploy pipeline, about 30 s at speed 1. It reacts
 * lightly to the request: when the message talks about deploying, the last step goes to production.
 */
import { parseScenario, type Scenario } from './scenario';

export const DEFAULT_SCENARIO_NAME = 'default';

export function defaultScenario(message: string): Scenario {
  const production = /\bdeploy|\bproduction\b|\bgo live\b/i.test(message);
  return parseScenario({
    name: DEFAULT_SCENARIO_NAME,
    description: 'Plan, build, check and deploy a small app (emulated).',
    steps: [
      {
        name: 'Planning',
        duration: 5000,
        progress: 15,
        messages: [
          {
            at: 0,
            text: 'This is the local Bilt emulator: it plays a scripted build for "{message}". No real app is built or deployed.',
          },
          { at: 1500, text: 'Reading the request and the current state of {project}', variant: 'log' },
          { at: 4000, text: 'Planned 3 screens: Home, Details and Settings' },
        ],
      },
      {
        name: 'Generating components',
        duration: 8000,
        progress: 45,
        messages: [
          { at: 1000, text: 'Generating layout and navigation', variant: 'log' },
          { at: 3500, text: 'Generating components: Header, ItemList, ItemCard, ItemForm', variant: 'log' },
          { at: 6500, text: 'Wiring screens to local state', variant: 'log' },
          { at: 8000, text: 'Generated 11 components across 3 screens' },
        ],
      },
      {
        name: 'Building',
        duration: 7000,
        progress: 70,
        messages: [
          { at: 500, text: 'Installing dependencies', variant: 'log' },
          { at: 3000, text: 'Compiling 42 modules', variant: 'log' },
          { at: 7000, text: 'Build finished without errors' },
        ],
      },
      {
        name: 'Running checks',
        duration: 5000,
        progress: 85,
        messages: [
          { at: 1000, text: 'Type check passed', variant: 'log' },
          { at: 2500, text: 'Lint passed', variant: 'log' },
          { at: 5000, text: 'All 3 smoke tests passed' },
        ],
      },
      {
        name: production ? 'Deploying to production' : 'Deploying',
        duration: 5000,
        progress: 100,
        messages: [
          { at: 0, text: production ? 'Deploying to production…' : 'Deploying a preview…' },
          { at: 2500, text: 'Uploading build artifacts', variant: 'log' },
          { at: 5000, text: 'Your app is live at {url}', variant: 'success' },
        ],
      },
    ],
    deployment: { urlTemplate: 'https://{project}.emulated.bilt.app' },
    summary: production ? 'Emulated production deployment of {project}' : 'Emulated build of {project}',
  });
}
