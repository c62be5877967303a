//===- Main.cpp - main() of concur::workload_main -------------------------===//
//
// Kept alone in its own library so that linking it is the only thing a user
// does to turn a file of registrations into a profiling binary.
//
//===----------------------------------------------------------------------===//

#include "concur/workload.hpp"

int main(int Argc, char **Argv) {
  return concur::workload::runMain(Argc, Argv);
}
