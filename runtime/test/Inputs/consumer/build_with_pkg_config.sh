#!/bin/sh
# Builds consumer.cpp against an installed concur with pkg-config alone.
# usage: build_with_pkg_config.sh PREFIX OUTPUT
set -eu
prefix=$1
output=$2
here=$(dirname "$0")
pc_dir=$(dirname "$(find "$prefix" -name concur-main.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH=$pc_dir pkg-config --cflags --libs concur-main)
# shellcheck disable=SC2086
${CXX:-c++} -O1 "$here/consumer.cpp" -o "$output" $flags
