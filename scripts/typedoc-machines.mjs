/**
 * A TypeDoc plugin for `npm run docs`: an exported machine's type prints as
 * `StateMachine<Context, Command, …>` rather than with all of XState's type arguments, its whole
 * chart config among them (some 200 kB of HTML per machine, full of inline functions that no
 * comment can document). The machine's own TSDoc says what it is.
 */
import { Converter, IntrinsicType, makeRecursiveVisitor, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
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
  });
}
