"""Writes sources nested and chained far deeper than hand-written code, which
clang -fsyntax-only accepts: a call chain of 20,000 functions, a statement of
6,000 chained calls and a sum of 20,000 terms."""
import os
import sys

out = sys.argv[1]
n = 20000
with open(os.path.join(out, "chain.cpp"), "w") as f:
    f.write('#include "coro.h"\n#include <unistd.h>\n')
    f.write("void f%d() { sleep(1); }\n" % n)
    for i in range(n - 1, -1, -1):
        f.write("void f%d() { f%d(); }\n" % (i, i + 1))
    f.write("task start() {\n  f0();\n  co_return;\n}\n")
with open(os.path.join(out, "calls.cpp"), "w") as f:
    f.write("#include <thread>\nstruct S { S &b(); };\nlong g_after_calls;\n")
    f.write("void calls(S &s) {\n  s" + ".b()" * 6000 + ";\n  g_after_calls++;\n}\n")
    f.write("void run(S &s) { std::thread a(calls, std::ref(s)), b(calls, std::ref(s)); a.join(); b.join(); }\n")
with open(os.path.join(out, "sum.cpp"), "w") as f:
    f.write("#include <thread>\nint g;\nlong g_after_sum;\n")
    f.write("int sum() {\n  int s = " + "+".join(["g"] * 20000) + ";\n  g_after_sum++;\n  return s;\n}\n")
    f.write("void run() { std::thread a(sum), b(sum); a.join(); b.join(); }\n")
