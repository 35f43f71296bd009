// Where things are and how the editor is configured for the e2e runs (environment overrides
// are listed in test/e2e/README.md).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.resolve(HERE, '..', '..');
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');
export const WORKSPACE_TEMPLATE = path.join(HERE, 'workspace');

export const CACHE = process.env.E2E_CACHE_DIR || path.join(REPO, '.e2e-cache');
export const NODE24 = process.env.E2E_NODE || path.join(CACHE, 'node', 'bin', 'node');
export const CODE_SERVER_ENTRY =
  process.env.E2E_CODE_SERVER_ENTRY ||
  path.join(CACHE, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
export const EXTENSION_ID = process.env.E2E_EXTENSION_ID || 'awsdevnotes.aws-dev-notes';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings written to <user-data-dir>/User/settings.json. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.hover.sticky': true,
  'editor.accessibilitySupport': 'off',
  'workbench.editor.enablePreview': false,
  'window.restoreWindows': 'none',
  'problems.decorations.enabled': true,
  'json.schemaDownload.enable': false,
  'yaml.schemaStore.enable': false,
};
