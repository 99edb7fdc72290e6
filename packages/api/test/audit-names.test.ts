import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_FAMILIES, auditActionName, auditObjectTypeName } from '@kc/domain';

/**
 * Every action and object type the API writes to the audit log has a Chinese name in the domain
 * kernel: the log shows those names, never the codes. The codes are collected from the source
 * (every call of writeAudit, and of any function that passes its own argument on to it), so a new
 * writeAudit call without a name fails here, not in front of an officer.
 */
const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

type Found = { file: string; line: number; kind: 'action' | 'objectType'; value: Value };
/** A literal code, or a template `prefix${…}` whose prefix must be a declared family. */
type Value = { literal: string } | { prefix: string } | { unresolved: string };

function valuesOf(node: ts.Expression): Value[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return [{ literal: node.text }];
  if (ts.isConditionalExpression(node))
    return [...valuesOf(node.whenTrue), ...valuesOf(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return valuesOf(node.expression);
  if (ts.isTemplateExpression(node)) return [{ prefix: node.head.text }];
  return [{ unresolved: node.getText() }];
}

function calleeName(call: ts.CallExpression): string | null {
  const c = call.expression;
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return null;
}

function enclosingFunctionName(node: ts.Node): string | null {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && n.name) return n.name.text;
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      ts.isVariableDeclaration(n.parent) &&
      ts.isIdentifier(n.parent.name)
    )
      return n.parent.name.text;
  }
  return null;
}

/** The `action` and `objectType` of every audit write, following wrappers of writeAudit. */
function collect(): Found[] {
  const files = sourceFiles(SRC).map((file) => ({
    file,
    source: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  }));
  const writers = new Set(['writeAudit']);
  const found: Found[] = [];
  // A writer whose entry is not spelled out at the call (spread, a parameter) is a wrapper:
  // its own callers spell it out. Repeat until no new wrapper appears.
  for (let changed = true; changed;) {
    changed = false;
    found.length = 0;
    for (const { file, source } of files) {
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && writers.has(calleeName(node) ?? '')) {
          const entry = node.arguments.find(
            (a): a is ts.ObjectLiteralExpression =>
              ts.isObjectLiteralExpression(a) &&
              a.properties.some((p) => p.name?.getText() === 'action' || ts.isSpreadAssignment(p)),
          );
          const props = new Map(
            (entry?.properties ?? []).flatMap((p) =>
              ts.isPropertyAssignment(p) ? [[p.name.getText(), p.initializer] as const] : [],
            ),
          );
          const action = props.get('action');
          const objectType = props.get('objectType');
          if (!action || !objectType) {
            const wrapper = enclosingFunctionName(node);
            if (wrapper && !writers.has(wrapper)) {
              writers.add(wrapper);
              changed = true;
            }
          }
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          if (action)
            for (const v of valuesOf(action)) found.push({ file, line, kind: 'action', value: v });
          if (objectType)
            for (const v of valuesOf(objectType))
              found.push({ file, line, kind: 'objectType', value: v });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

describe('audit names', () => {
  const found = collect();

  it('finds the audit writes (the collector itself works)', () => {
    const actions = found.filter((f) => f.kind === 'action');
    expect(actions.length).toBeGreaterThan(60);
    expect(actions.map((f) => f.value)).toContainEqual({ literal: 'organisation.member.join' });
    expect(actions.map((f) => f.value)).toContainEqual({ prefix: 'application.' });
  });

  it('every action and object type written has a Chinese name', () => {
    const missing: string[] = [];
    for (const f of found) {
      const where = `${f.file.slice(SRC.length + 1)}:${f.line}`;
      const v = f.value;
      if ('unresolved' in v) {
        missing.push(`${where} ${f.kind} is not a literal the test can read: ${v.unresolved}`);
      } else if ('prefix' in v) {
        const family = AUDIT_ACTION_FAMILIES[v.prefix];
        if (f.kind !== 'action' || !family) missing.push(`${where} ${f.kind} \`${v.prefix}…\``);
        else
          for (const member of family)
            if (!auditActionName(v.prefix + member)) missing.push(`${where} ${v.prefix}${member}`);
      } else if (
        f.kind === 'action' ? !auditActionName(v.literal) : !auditObjectTypeName(v.literal)
      ) {
        missing.push(`${where} ${f.kind} ${v.literal}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
