/**
 * A build step (an esbuild plugin for tsup) that lets a user's bundler leave out every machine,
 * schema and table the user does not import.
 *
 * The library builds its machines, specs and schemas with code that runs when a module loads:
 * calls, spreads, `new`. A bundler must keep such code even when nothing uses its result, unless
 * it is told the code has no side effect; the library's has none (it only builds values). So each
 * module-level variable's initializer goes into an immediately called arrow marked
 * `/* @__PURE__ *\/`, which a bundler drops when the variable is unused. It rewrites the source
 * text on its way into esbuild; `src/` stays free of annotations.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/** An initializer a bundler already knows to be free of side effects. */
function inert(node: ts.Expression): boolean {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isStringLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isRegularExpressionLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    ts.isIdentifier(node)
  );
}

/** The spans (start, end in `text`) of module-level initializers that run code. */
export function loadTimeInitializers(fileName: string, text: string): [number, number][] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const spans: [number, number][] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      // A destructuring stays as it is: its own reads are kept, its initializer with them.
      if (init === undefined || !ts.isIdentifier(declaration.name) || inert(init)) continue;
      spans.push([init.getStart(source), init.getEnd()]);
    }
  }
  return spans;
}

/** `text` with each module-level initializer `X` rewritten as `/* @__PURE__ *\/ (() => (X))()`. */
export function annotate(fileName: string, text: string): string {
  let out = text;
  for (const [start, end] of loadTimeInitializers(fileName, text).sort((a, b) => b[0] - a[0])) {
    out = `${out.slice(0, start)}/* @__PURE__ */ (() => (${out.slice(start, end)}))()${out.slice(end)}`;
  }
  return out;
}

/** The esbuild plugin: annotates every TypeScript file under `src/`. */
export function pureAnnotations(): Plugin {
  return {
    name: 'pure-annotations',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
        contents: annotate(args.path, await readFile(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}
