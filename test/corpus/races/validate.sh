#!/usr/bin/env bash
# Validates every label of the race corpus against ThreadSanitizer.
#
#   test/corpus/races/validate.sh [--runs N] [-j JOBS] [--no-plain] [NAME...]
#
# Builds each program twice into a temporary directory (removed afterwards):
#   clang++-19 -std=c++20 -pthread -fsanitize=thread -g -O1   (run --runs times)
#   clang++-19 -std=c++20 -pthread                           (must run < 1 s)
# and prints a table of label vs TSan result. Exits 1 on any disagreement.
# Needs clang++-19 with its TSan runtime (Debian: libclang-rt-19-dev); set
# CXX_TSAN to use another compiler.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/validate_tsan.py" --corpus "$here" "$@"
