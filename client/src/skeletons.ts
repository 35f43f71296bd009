/**
 * What the "New … file" commands create: for each kind, the whole-file snippets it can start
 * from and the file name that makes the server recognise the kind. Pure (no `vscode` import),
 * so the unit tests check it against the snippet files.
 */

export interface Skeleton {
  /** The snippet file under `snippets/` and the snippet's prefix in it. */
  snippets: string;
  prefix: string;
  /** The untitled document's file name (the kind is recognised from it or from the content). */
  name: string;
  language: 'yaml' | 'json';
}

export interface NewFileCommand {
  command: string;
  title: string;
  /** Offered in this order; the first is the default. */
  skeletons: Skeleton[];
}

export const NEW_FILE_COMMANDS: NewFileCommand[] = [
  {
    command: 'awsDevNotes.newCloudFormationTemplate',
    title: 'New CloudFormation Template',
    skeletons: [
      { snippets: 'cloudformation.json', prefix: 'cfn-template', name: 'template.yaml', language: 'yaml' },
      {
        snippets: 'cloudformation.json',
        prefix: 'cfn-sam-template',
        name: 'template.yaml',
        language: 'yaml',
      },
      {
        snippets: 'cloudformation-json.json',
        prefix: 'cfn-template',
        name: 'template.json',
        language: 'json',
      },
    ],
  },
  {
    command: 'awsDevNotes.newBuildspec',
    title: 'New buildspec.yml',
    skeletons: ['buildspec', 'buildspec-docker', 'buildspec-reports', 'buildspec-batch'].map((prefix) => ({
      snippets: 'buildspec.json',
      prefix,
      name: 'buildspec.yml',
      language: 'yaml' as const,
    })),
  },
  {
    command: 'awsDevNotes.newAppspec',
    title: 'New appspec.yml',
    skeletons: ['appspec-ec2', 'appspec-ecs', 'appspec-lambda'].map((prefix) => ({
      snippets: 'appspec.json',
      prefix,
      name: 'appspec.yml',
      language: 'yaml' as const,
    })),
  },
  {
    command: 'awsDevNotes.newTaskDefinition',
    title: 'New ECS Task Definition',
    skeletons: ['taskdef-fargate', 'taskdef-ec2'].map((prefix) => ({
      snippets: 'ecs-task-definition.json',
      prefix,
      name: 'taskdef.json',
      language: 'json' as const,
    })),
  },
];

export interface SnippetRecord {
  prefix: string;
  description?: string;
  body: string[];
}

/** The snippet of a skeleton in a parsed snippet file (title → record), with its title. */
export function findSnippet(
  file: Record<string, SnippetRecord>,
  prefix: string,
): { title: string; snippet: SnippetRecord } | undefined {
  for (const [title, snippet] of Object.entries(file)) {
    if (snippet.prefix === prefix) return { title, snippet };
  }
  return undefined;
}

/**
 * A file name in `folder` nobody uses yet: `name` itself, else `name` in a numbered subfolder
 * (`new-2/appspec.yml`), so the name that tells the kind stays as it is.
 */
export function freeName(folder: string, name: string, taken: (path: string) => boolean): string {
  const base = folder.replace(/\/+$/, '');
  const first = `${base}/${name}`;
  if (!taken(first)) return first;
  for (let n = 2; ; n++) {
    const candidate = `${base}/new-${n}/${name}`;
    if (!taken(candidate)) return candidate;
  }
}
