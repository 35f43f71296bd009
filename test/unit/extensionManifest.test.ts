/**
 * The installed extension's manifest and client-side pieces that a user meets first: the
 * "New … file" commands and their skeletons, the walkthrough, the status bar on unrelated files,
 * the Settings editor's labels and order, the Red Hat YAML custom tags, and the README listing
 * every setting and command.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SnippetRecord } from '../../client/src/skeletons';
import { NEW_FILE_COMMANDS, findSnippet, freeName } from '../../client/src/skeletons';
import { statusFor } from '../../client/src/status';
import { SHORT_FORM_TAGS } from '../../server/src/service/parsing/parse';
import { ROOT, service } from '../support/helpers';
import { expandSnippet } from '../support/snippets';

interface Manifest {
  publisher: string;
  name: string;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { id?: string; title: string; properties: Record<string, { order?: number }> };
    configurationDefaults?: Record<string, unknown>;
    views: Record<string, { id: string }[]>;
    walkthroughs: {
      id: string;
      steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[];
    }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const commandIds = new Set(manifest.contributes.commands.map((c) => c.command));
const viewIds = Object.values(manifest.contributes.views).flatMap((views) => views.map((v) => v.id));

function snippetFile(file: string): Record<string, SnippetRecord> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<
    string,
    SnippetRecord
  >;
}

const KIND_OF: Record<string, string> = {
  'awsDevNotes.newCloudFormationTemplate': 'cloudformation',
  'awsDevNotes.newBuildspec': 'buildspec',
  'awsDevNotes.newAppspec': 'appspec',
  'awsDevNotes.newTaskDefinition': 'ecs-task-definition',
};

describe('new-file commands', () => {
  for (const command of NEW_FILE_COMMANDS) {
    it(`${command.command} is contributed and every skeleton makes a clean file of its kind`, () => {
      const contributed = manifest.contributes.commands.find((c) => c.command === command.command);
      assert.equal(contributed?.title, command.title);
      assert.ok(command.skeletons.length > 0);
      for (const skeleton of command.skeletons) {
        const found = findSnippet(snippetFile(skeleton.snippets), skeleton.prefix);
        assert.ok(found, `${skeleton.prefix} in ${skeleton.snippets}`);
        const text = expandSnippet(found.snippet.body.join('\n'));
        // The untitled document the command opens: named like its kind, not on disk.
        const document = TextDocument.create(
          `untitled:/work/project/${skeleton.name}`,
          skeleton.language,
          1,
          text,
        );
        assert.equal(service().getKind(document), KIND_OF[command.command], skeleton.prefix);
        assert.deepEqual(
          service()
            .validate(document)
            .map((d) => d.message),
          [],
          `${skeleton.prefix}\n${text}`,
        );
      }
    });
  }

  it('never reuses the name of a file that exists or is open', () => {
    const taken = new Set(['/p/appspec.yml', '/p/new-2/appspec.yml']);
    assert.equal(
      freeName('/p', 'buildspec.yml', (p) => taken.has(p)),
      '/p/buildspec.yml',
    );
    assert.equal(
      freeName('/p/', 'appspec.yml', (p) => taken.has(p)),
      '/p/new-3/appspec.yml',
    );
  });
});

describe('status bar', () => {
  it('says nothing on a YAML or JSON file that is none of the four kinds', () => {
    // package.json, a GitHub workflow: the server answers null; "AWS: none" was noise there.
    assert.equal(statusFor(true, null), undefined);
    assert.equal(statusFor(true, undefined), undefined);
  });

  it('names the kind, and shows a spinner until the server has answered', () => {
    assert.match(statusFor(true, 'ecs-task-definition')?.text ?? '', /ECS task definition/);
    assert.match(statusFor(false, undefined)?.text ?? '', /sync~spin/);
  });
});

describe('walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('has steps on the kinds, snippets, hover, the sidebar and the CLI, each with its Markdown', () => {
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['kinds', 'snippets', 'hover', 'sidebar', 'cli'],
    );
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown, step.id);
      assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
    }
  });

  it('links only to commands that exist', () => {
    const known = new Set([...commandIds, ...viewIds.map((id) => `${id}.focus`)]);
    for (const step of walkthrough.steps) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      const events = (step.completionEvents ?? [])
        .filter((e) => e.startsWith('onCommand:'))
        .map((e) => e.slice('onCommand:'.length));
      for (const id of [...links, ...events]) assert.ok(known.has(id), `${step.id}: ${id}`);
    }
  });
});

describe('settings page', () => {
  const { configuration } = manifest.contributes;
  const keys = Object.keys(configuration.properties);

  it('is one group titled "AWS Dev Notes"', () => {
    assert.equal(configuration.title, 'AWS Dev Notes');
    assert.equal(configuration.id, 'awsDevNotes');
  });

  it('lists "Validation: Enable" first, every setting in a declared order', () => {
    const ordered = [...keys].sort(
      (a, b) => (configuration.properties[a].order ?? 99) - (configuration.properties[b].order ?? 99),
    );
    assert.equal(ordered[0], 'awsDevNotes.validation.enable');
    for (const key of keys) assert.equal(typeof configuration.properties[key].order, 'number', key);
  });

  it('has an extension id that lets the Settings editor drop the "Aws Dev Notes ›" before each label', () => {
    // VS Code's Settings editor drops a setting's category from its label only when the category
    // starts with the extension id `publisher.name` or a leading part of it, letter case aside
    // (settingsTreeModels.ts). `awsDevNotes.validation` starts with the publisher `awsdevnotes`.
    const parts = `${manifest.publisher}.${manifest.name}`.split('.');
    const leading = parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
    for (const key of keys) {
      const category = key.slice(0, key.lastIndexOf('.')).toLowerCase();
      assert.ok(
        leading.some(
          (part) => category === part.toLowerCase() || category.startsWith(`${part.toLowerCase()}.`),
        ),
        `${key}: its category ${category} would show as "Aws Dev Notes › …"`,
      );
    }
  });

  it('the README lists every setting and every command', () => {
    for (const key of keys) assert.ok(readme.includes(`\`${key}\``), `README lacks ${key}`);
    for (const command of manifest.contributes.commands) {
      if (command.command === 'awsDevNotes.openNote') continue; // hidden: used by links and the sidebar
      assert.ok(readme.includes(command.title), `README lacks the command "${command.title}"`);
    }
  });
});

describe('living beside the Red Hat YAML extension', () => {
  it('declares every CloudFormation short-form tag as a YAML custom tag', () => {
    const tags = manifest.contributes.configurationDefaults?.['yaml.customTags'] as string[];
    const names = new Set(tags.map((t) => /^!(\w+) (scalar|sequence|mapping)$/.exec(t)?.[1]));
    assert.ok(!names.has(undefined), 'each entry is "!Name kind"');
    for (const name of Object.keys(SHORT_FORM_TAGS)) assert.ok(names.has(name), name);
    assert.ok(readme.includes('Red Hat'), 'the README says what happens with both installed');
  });
});
