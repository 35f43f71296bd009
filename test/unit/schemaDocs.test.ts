/**
 * The CloudFormation documentation lives beside the schemas (schemas/cloudformation/docs/, written
 * by scripts/cfn-docs.mjs): validation, rules and quick fixes never read it; hover and completion
 * read a service's documentation file when they first need it, and get every description back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import type { FileSystem } from '../../server/src/service/fileSystem';
import { SchemaStore } from '../../server/src/service/schemas/schemaStore';
import { withDocs } from '../../server/src/service/schemas/withDocs';
import { cursorAt, doc, docAt, ROOT, serviceWith } from '../support/helpers';

/** The real file system, with the list of the files read. */
function recording(): { fs: FileSystem; read: string[] } {
  const read: string[] = [];
  return {
    read,
    fs: {
      ...nodeFileSystem,
      readFile: (path) => {
        read.push(path.replace(/\\/g, '/'));
        return nodeFileSystem.readFile(path);
      },
    },
  };
}

const docsRead = (read: string[]): string[] =>
  read.filter((p) => p.includes('/cloudformation/docs/')).map((p) => p.slice(p.lastIndexOf('/') + 1));

/** Every prose key anywhere in a value. */
function proseKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => proseKeys(v, out));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (['markdownDescription', 'documentationUrl', 'markdownEnumDescriptions'].includes(key))
        out.push(key);
      else proseKeys(v, out);
    }
  return out;
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 2000
      VisibilityTimout: 30
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: On
  Subscription:
    Type: AWS::SNS::Subscription
    Properties:
      Protocol: sqs
Outputs:
  Arn:
    Value: !GetAtt Queue.Arn
`;

describe('CloudFormation documentation files', () => {
  it('are never read by validation, quick fixes, symbols or navigation', () => {
    const { fs, read } = recording();
    const service = serviceWith({ fs });
    const document = doc(TEMPLATE);
    const diagnostics = service.validate(document);
    assert.ok(diagnostics.length >= 3, JSON.stringify(diagnostics.map((d) => d.code)));
    for (const diagnostic of diagnostics)
      service.getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] });
    service.findDocumentSymbols(document);
    service.findDefinition(document, document.positionAt(TEMPLATE.indexOf('Queue.Arn')));
    assert.ok(diagnostics.some((d) => d.code === 'cfn-missing-property'));
    assert.ok(read.some((p) => p.endsWith('/cloudformation/services/AWS_SQS.json')));
    assert.deepEqual(docsRead(read), []);
  });

  it('are read once a hover asks, and give the descriptions back', () => {
    const { fs, read } = recording();
    const service = serviceWith({ fs });
    const { document, position } = docAt(cursorAt(TEMPLATE, 'DelaySeconds'));
    service.validate(document);
    assert.deepEqual(docsRead(read), []);
    const hover = JSON.stringify(service.doHover(document, position));
    assert.match(hover, /seconds/i);
    assert.deepEqual(docsRead(read), ['AWS_SQS.json']);
    service.doHover(document, position);
    assert.deepEqual(docsRead(read), ['AWS_SQS.json'], 'read once');
  });

  it('document property completions', () => {
    const { fs, read } = recording();
    const service = serviceWith({ fs });
    const text = cursorAt(TEMPLATE, 'VisibilityTimout', 0).replace('|VisibilityTimout: 30', '|');
    const { document, position } = docAt(text);
    const item = service.doComplete(document, position).items.find((i) => i.label === 'VisibilityTimeout');
    assert.ok(item, 'VisibilityTimeout is proposed');
    assert.match(JSON.stringify(item.documentation), /visib/i);
    assert.deepEqual(docsRead(read), ['AWS_SQS.json']);
  });

  it('keep the service file free of prose, and the store never changes it', () => {
    const store = new SchemaStore(nodeFileSystem, `${ROOT}/schemas`);
    assert.deepEqual(proseKeys(store.resourceType('AWS::QuickSight::Dashboard')), []);
    const documented = store.documentedResourceType('AWS::SQS::Queue');
    assert.match(documented?.documentationUrl ?? '', /aws-resource-sqs-queue\.html$/);
    assert.ok(documented?.attributes.Arn?.markdownDescription);
    assert.equal(documented?.attributes.Arn?.type, 'string');
    assert.ok(documented?.schema.properties?.DelaySeconds?.markdownDescription);
    assert.equal(documented?.schema.properties?.DelaySeconds?.maximum, 900);
    assert.ok(documented?.schema.definitions?.Tag?.properties?.Key?.markdownDescription);
    assert.deepEqual(proseKeys(store.resourceType('AWS::SQS::Queue')), []);
    assert.equal(store.documentedResourceType('AWS::SQS::Queue'), documented, 'made once');
    assert.deepEqual(store.problems, []);
  });

  it('are laid over an entry key by key, branches by index', () => {
    const schema = {
      properties: { description: { type: 'string' }, A: { anyOf: [{ type: 'string' }, { $ref: '#/x' }] } },
    };
    const docs = {
      properties: {
        description: { markdownDescription: 'a key named description' },
        A: { markdownDescription: 'A', anyOf: [null, { markdownDescription: 'second' }] },
      },
    };
    assert.deepEqual(withDocs(schema, docs), {
      properties: {
        description: { type: 'string', markdownDescription: 'a key named description' },
        A: {
          markdownDescription: 'A',
          anyOf: [{ type: 'string' }, { $ref: '#/x', markdownDescription: 'second' }],
        },
      },
    });
    assert.equal(withDocs(schema, undefined), schema);
    assert.deepEqual(schema.properties.description, { type: 'string' }, 'unchanged');
  });
});
