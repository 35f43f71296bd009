/**
 * Custom requests and notifications between the client and the server, typed in one place.
 * The client imports this module too (it has no runtime dependency on the server).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type DocumentKindName = 'cloudformation' | 'buildspec' | 'appspec' | 'ecs-task-definition';

export interface DocumentKindParams {
  uri: string;
}

/** The kind a document was recognised as (null: none of ours). */
export const DocumentKindRequest = new RequestType<DocumentKindParams, DocumentKindName | null, void>(
  'awsDevNotes/documentKind',
);

export interface DocumentKindChangedParams {
  uri: string;
  kind: DocumentKindName | null;
}

/** Sent whenever a document's detected kind is (re)computed. */
export const DocumentKindChangedNotification = new NotificationType<DocumentKindChangedParams>(
  'awsDevNotes/documentKindChanged',
);

/** A problem with the user's settings, to show once. */
export const SettingsProblemNotification = new NotificationType<{ message: string }>(
  'awsDevNotes/settingsProblem',
);
