// Code generation for the with statement, as CPython 3.11 compiles it, except that BeforeWith
// leaves __exit__ as LoadMethod would, [function, self] (CPython 3.14's LOAD_SPECIAL), so that
// no bound method is built: under the __enter__ result; leaving the body normally calls
// __exit__(None, None, None); an exception reaches a handler that calls
// __exit__(type, exc, tb) (WithExceptStart) and re-raises unless the result is true.
#include "compiler/codegen.h"

namespace compiler {

using vm::Op;

// `with a as x, b: BODY` is `with a as x: with b: BODY`; this compiles items[item:].
//
//       <mgr>; BeforeWith                  # [exit, self, enter()]
//       <store x> | PopTop                 # [exit, self]  <region W: handler=L_exc, depth=d+2>
//       BODY                               #               </W>
//       LoadConst None x3; CallMethod 3; PopTop; Jump L_end
// L_exc:                                   # [exit, self, exc]
//       PushExcInfo                        # [exit, self, prev, exc]   <region C: L_cleanup, d+3>
//       WithExceptStart                    # [exit, self, prev, exc, res]
//       PopJumpIfTrue L_suppress
//       Reraise                            #                           </C>
// L_cleanup: Swap 2; PopExcept; Reraise    # [exit, self, prev, exc2]
// L_suppress: PopTop; PopExcept; PopTop; PopTop   # []
// L_end:
void Compiler::with_stmt(const ast::With* w, size_t item) {
  const ast::WithItem& it = w->items[item];
  int d = u_->depth;
  int exc = new_label(), end = new_label(), cleanup = new_label(), suppress = new_label();
  ast::Loc line = u_->loc;
  expr(it.context_expr.get());
  emit(Op::BeforeWith);
  u_->depth = d + 2;
  push_fblock(FBlockKind::With, exc, d + 2);
  if (it.optional_vars)
    store_target(it.optional_vars.get());
  else
    emit(Op::PopTop);
  if (item + 1 < w->items.size())
    with_stmt(w, item + 1);
  else
    stmts(w->body);
  pop_fblock();
  u_->loc = line;
  emit_none();
  emit_none();
  emit_none();
  emit(Op::CallMethod, 3);
  emit(Op::PopTop);
  emit_jump(Op::Jump, end);
  bind(exc);
  push_fblock(FBlockKind::ExceptHandler, cleanup, d + 3);
  u_->depth = d + 4;
  emit(Op::PushExcInfo);
  emit(Op::WithExceptStart);
  emit_jump(Op::PopJumpIfTrue, suppress);
  emit(Op::Reraise);
  pop_fblock();
  bind(cleanup);
  emit(Op::Swap, 2);
  emit(Op::PopExcept);
  emit(Op::Reraise);
  bind(suppress);
  emit(Op::PopTop);
  emit(Op::PopExcept);
  emit(Op::PopTop);
  emit(Op::PopTop);
  u_->depth = d;
  bind(end);
}

}  // namespace compiler
