/**
 * The service's layers, checked from its imports: features → notes → rules → schemas → parsing,
 * with the shared types and helpers (ast, diagnostics, fileSystem, kinds, settings, utils/) below
 * them all and the façade (languageService.ts) above. A file may import its own layer or a lower
 * one, never a higher one, and no runtime import cycle may exist between files.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { ROOT } from '../support/helpers';

const SERVICE = path.join(ROOT, 'server', 'src', 'service');

/** Rank of each layer: higher may import lower. */
const LAYERS: [prefix: string, rank: number][] = [
  ['languageService.ts', 6],
  ['features/', 5],
  ['notes/', 4],
  ['rules/', 3],
  ['schemas/', 2],
  ['parsing/', 1],
  ['utils/', 0],
  ['ast.ts', 0],
  ['diagnostics.ts', 0],
  ['fileSystem.ts', 0],
  ['kinds.ts', 0],
  ['settings.ts', 0],
];

function layerOf(rel: string): number {
  const hit = LAYERS.find(([prefix]) => rel === prefix || rel.startsWith(prefix));
  if (!hit) throw new Error(`${rel} belongs to no layer: add it to LAYERS and ARCHITECTURE.md`);
  return hit[1];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base + '.ts', path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function importsOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const edges: Edge[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const to = resolveImport(file, statement.moduleSpecifier.text);
      if (!to) continue;
      const typeOnly = ts.isImportDeclaration(statement)
        ? Boolean(statement.importClause?.isTypeOnly)
        : statement.isTypeOnly;
      edges.push({ to, typeOnly });
    }
  }
  return edges;
}

const files = listFiles(SERVICE);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file: string) => path.relative(SERVICE, file).split(path.sep).join('/');

describe('service layers', () => {
  it('keeps at most 8 files at the top of server/src/service', () => {
    const top = readdirSync(SERVICE).filter((name) => name.endsWith('.ts'));
    assert.ok(top.length <= 8, `top-level files: ${top.join(', ')}`);
  });

  it('imports only its own layer or lower ones', () => {
    const upward: string[] = [];
    for (const [file, edges] of graph) {
      for (const edge of edges) {
        if (!edge.to.startsWith(SERVICE)) continue;
        if (layerOf(rel(edge.to)) > layerOf(rel(file))) upward.push(`${rel(file)} → ${rel(edge.to)}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it('has no runtime import cycle', () => {
    // Tarjan's strongly connected components over the value (non-type) imports.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let counter = 0;
    const visit = (file: string): void => {
      index.set(file, counter);
      low.set(file, counter);
      counter += 1;
      stack.push(file);
      onStack.add(file);
      for (const edge of graph.get(file) ?? []) {
        if (edge.typeOnly || !graph.has(edge.to)) continue;
        if (!index.has(edge.to)) {
          visit(edge.to);
          low.set(file, Math.min(low.get(file)!, low.get(edge.to)!));
        } else if (onStack.has(edge.to)) {
          low.set(file, Math.min(low.get(file)!, index.get(edge.to)!));
        }
      }
      if (low.get(file) === index.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(rel(member));
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!index.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('the service never imports the transport', () => {
    const offenders = [...graph.entries()]
      .filter(([file]) => /vscode-languageserver\/node|from 'vscode'/.test(readFileSync(file, 'utf8')))
      .map(([file]) => rel(file));
    assert.deepEqual(offenders, []);
  });
});
