// RUN: rm -rf %t && mkdir -p %t && cp %s %t/await-switch.cpp
// The finding and its fix, before anything is applied:
// RUN: %concur check %t/await-switch.cpp -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --check-prefix=FOUND
// RUN: %concur check --format=json %t/await-switch.cpp -- -std=c++20 -I %S/../Inputs 2>/dev/null | %python -c "import json,sys; [print('fix', f['location']['line'], e['begin']['line'], e['begin']['column'], e['end']['line'], e['end']['column'], repr(e['text'])) for f in json.load(sys.stdin)['findings'] for e in f['fixes']]" | FileCheck %s --check-prefix=JSON --implicit-check-not=fix
// RUN: %concur check --export-fixes=%t/fixes.yaml %t/await-switch.cpp -- -std=c++20 -I %S/../Inputs > /dev/null 2>&1
// RUN: FileCheck %s --check-prefix=YAML < %t/fixes.yaml
// clang-apply-replacements reads the export and makes the same change as
// --fix below (the fix's file is the one in %t, so it is applied to a copy
// the export is not about only after --fix has run):
// RUN: cp %t/await-switch.cpp %t/original.cpp
// --fix inserts co_await; the result compiles, and no check finds anything
// in it but the blocking call the fix makes a pool worker's (a remark):
// RUN: %concur check --fix %t/await-switch.cpp -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --check-prefix=APPLIED
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/await-switch.cpp
// RUN: cp %t/await-switch.cpp %t/by-fix.cpp && cp %t/original.cpp %t/await-switch.cpp
// RUN: mkdir %t/export && cp %t/fixes.yaml %t/export/ && %clang_apply_replacements %t/export
// RUN: diff %t/by-fix.cpp %t/await-switch.cpp
// RUN: %clang -fsyntax-only -std=c++20 -I %S/../Inputs %t/await-switch.cpp
// RUN: %concur check %t/await-switch.cpp -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --check-prefix=AFTER --implicit-check-not="{{warning|error}}:"

#include "coro.h"
#include <unistd.h>

void slow() { sleep(1); }

task forgot_await(coro::thread_pool &Pool) {
  Pool.schedule();
  // FOUND: await-switch.cpp:[[@LINE-1]]:8: warning: coroutine 'forgot_await' calls 'coro::thread_pool::schedule' without co_await
  // FIXED: {{^}}  co_await Pool.schedule();
  // JSON: fix [[#@LINE-3]] [[#@LINE-3]] 3 [[#@LINE-3]] 3 'co_await '
  slow();
  // AFTER: await-switch.cpp:[[@LINE-1]]:3: remark: coroutine 'forgot_await' holds a pool worker
  co_return;
}

// Inside a macro the text is not the coroutine's own: found, not fixed.
#define SWITCH_TO(P) (P).schedule()
task in_macro(coro::thread_pool &Pool) {
  SWITCH_TO(Pool);
  // FOUND: await-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'in_macro' calls 'coro::thread_pool::schedule' without co_await
  // FIXED: {{^}}  SWITCH_TO(Pool);
  // AFTER: await-switch.cpp:[[@LINE-3]]:3: warning: coroutine 'in_macro' calls 'coro::thread_pool::schedule' without co_await
  co_return;
}

// YAML: DiagnosticName: concur-blocking-in-coroutine
// YAML: Message: 'coroutine ''forgot_await'' calls
// YAML: Replacements:
// YAML-NEXT: - FilePath: '{{.*}}await-switch.cpp'
// YAML-NEXT: Offset: [[#]]
// YAML-NEXT: Length: 0
// YAML-NEXT: ReplacementText: 'co_await '

// APPLIED: concur: applied the fixes of 1 finding to 1 file
