/** Every command id, view id, context key and setting key of the extension, written once. */
export const COMMANDS = {
  showLogs: 'bilt.showLogs',
} as const;
