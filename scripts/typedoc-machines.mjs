/**
 * A TypeDoc plugin for `npm run docs`, for the pages of the exported machines.
 *
 * - A machine's page shows what the machine is: its states with their descriptions, its commands
 *   with their roles, payloads and the states that handle them, and its Mermaid diagram, all read
 *   from the machine itself (scripts/machine-reference.ts, as docs/diagrams/ is). Payloads are
 *   printed from the command types by the TypeScript checker, so each field has its type. The
 *   machine's command union (`SubscriptionCommand`, …) gets the same commands table.
 * - A machine's type prints as `StateMachine<Context, Command, …>` rather than with all of XState's
 *   type arguments, its whole chart config among them (some 200 kB of HTML per machine, full of
 *   inline functions that no comment can document).
 */
import { tsImport } from 'tsx/esm/api';
import { Comment, Converter, IntrinsicType, makeRecursiveVisitor, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/** Envelope fields: every command has them, so the payload column leaves them out. */
const ENVELOPE = new Set(['type', 'at', 'by', 'commandId', 'expectedVersion']);

/**
 * Each command of a machine and its payload, `{ field: Type; other?: Type }`, from the machine's
 * type: the event parameter of its `transition` method is the union of its commands.
 * @param {ts.TypeChecker} checker
 * @param {ts.Symbol} symbol the machine's exported variable
 * @returns {Map<string, string>}
 */
function payloadsOf(checker, symbol) {
  const payloads = new Map();
  const machine = checker.getTypeOfSymbol(symbol);
  const transition = machine.getProperty('transition');
  const [signature] = transition ? checker.getTypeOfSymbol(transition).getCallSignatures() : [];
  const event = signature?.parameters[1];
  if (!event) return payloads;
  const union = checker.getTypeOfSymbol(event);
  for (const command of union.isUnion() ? union.types : [union]) {
    const typeProperty = command.getProperty('type');
    const literal = typeProperty && checker.getTypeOfSymbol(typeProperty);
    if (!literal?.isStringLiteral()) continue;
    const fields = checker
      .getPropertiesOfType(command)
      .filter((field) => !ENVELOPE.has(field.name))
      .map((field) => {
        const optional = (field.flags & ts.SymbolFlags.Optional) !== 0;
        const text = checker
          .typeToString(checker.getTypeOfSymbol(field), undefined, ts.TypeFormatFlags.NoTruncation)
          .replace(/ \| undefined$/, '');
        return `${field.name}${optional ? '?' : ''}: ${text}`;
      });
    const text = fields.length ? `\`{ ${fields.join('; ')} }\`` : '–';
    // A command whose payload has alternatives (a template or an activation tile) shows each.
    const before = payloads.get(literal.value);
    payloads.set(literal.value, before === undefined ? text : `${before} or ${text}`);
  }
  return payloads;
}

/** @param {import('typedoc').Application} app */
export async function load(app) {
  const reference = await tsImport('./machine-reference.ts', import.meta.url);
  const { MACHINES } = await tsImport('../test/support/machines.ts', import.meta.url);
  /** Machine pages to extend, by reflection, with the commands' payloads. */
  const pages = new Map();

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Variable)) return;
    const listed = MACHINES.find((m) => m.name === reflection.name);
    const symbol = listed && context.getSymbolFromReflection(reflection);
    if (symbol) pages.set(reflection, { listed, payloads: payloadsOf(context.checker, symbol) });
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const reflection of project.getReflectionsByKind(ReflectionKind.Variable)) {
      const type = /** @type {import('typedoc').DeclarationReflection} */ (reflection).type;
      if (type?.type !== 'reference' || type.name !== 'StateMachine' || type.package !== 'xstate')
        continue;
      const [context, command, ...rest] = type.typeArguments ?? [];
      if (!context || !command) continue;
      type.typeArguments = [context, command, new IntrinsicType('…')];
      const drop = makeRecursiveVisitor({
        reflection: (literal) => project.removeReflection(literal.declaration),
      });
      for (const argument of rest) argument.visit(drop);
    }

    for (const [reflection, { listed, payloads }] of pages) {
      const { machine } = listed;
      const markdown = [
        '',
        '## States',
        '',
        reference.statesTable(machine),
        '',
        '## Commands',
        '',
        reference.commandsTable(machine, (commandType) => payloads.get(commandType)),
        '',
        reference.ENVELOPE_NOTE,
        '',
        '## Diagram',
        '',
        reference.mermaidBlock(machine),
        '',
      ].join('\n');
      reflection.comment ??= new Comment();
      reflection.comment.summary.push({ kind: 'text', text: `\n${markdown}` });

      // The machine's command union (`SubscriptionCommand`, …) lists each command's payload too.
      const union = /** @type {any} */ (reflection.type)?.typeArguments?.[1]?.reflection;
      if (!union) continue;
      union.comment ??= new Comment();
      union.comment.summary.push(
        { kind: 'text', text: '\n\nThe commands of ' },
        { kind: 'inline-tag', tag: '@link', text: listed.name, target: reflection },
        { kind: 'text', text: ', each with its payload:\n\n' },
      );
      union.comment.summary.push({
        kind: 'text',
        text: [
          reference.commandsTable(machine, (commandType) => payloads.get(commandType)),
          '',
          reference.ENVELOPE_NOTE,
          '',
        ].join('\n'),
      });
    }
  });
}
