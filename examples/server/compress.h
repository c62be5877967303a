//===- compress.h - Run-length encoding of snapshots ------------*- C++ -*-===//

#ifndef EXAMPLE_SERVER_COMPRESS_H
#define EXAMPLE_SERVER_COMPRESS_H

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

/// Run-length encodes `data` as (count, byte) pairs, runs capped at 255.
/// Pure CPU work.
std::string run_length_encode(std::string_view data);

/// Inverse of run_length_encode.
std::string run_length_decode(std::string_view encoded);

/// Encodes `data` in independent 4 KiB blocks and writes the result to `path`
/// in one go; returns the encoded size. Mostly CPU work, with one blocking
/// file write at the end.
std::size_t compress_and_save(std::string_view data,
                              const std::filesystem::path &path);

#endif // EXAMPLE_SERVER_COMPRESS_H
