//===- compress.cpp - Run-length encoding of snapshots --------------------===//

#include "compress.h"

#include <fstream>

std::string run_length_encode(std::string_view data) {
  std::string encoded;
  encoded.reserve(data.size() / 2 + 2);
  std::size_t position = 0;
  while (position < data.size()) {
    char byte = data[position];
    std::size_t run = 1;
    while (position + run < data.size() && data[position + run] == byte &&
           run < 255)
      ++run;
    encoded.push_back(static_cast<char>(run));
    encoded.push_back(byte);
    position += run;
  }
  return encoded;
}

std::string run_length_decode(std::string_view encoded) {
  std::string data;
  for (std::size_t position = 0; position + 1 < encoded.size(); position += 2)
    data.append(static_cast<unsigned char>(encoded[position]),
                encoded[position + 1]);
  return data;
}

std::size_t compress_and_save(std::string_view data,
                              const std::filesystem::path &path) {
  // Blocks are encoded separately, each behind a 4-byte length, so that a
  // reader can skip to any block without decoding the ones before it.
  constexpr std::size_t kBlockSize = 4096;
  std::string encoded;
  for (std::size_t offset = 0; offset < data.size(); offset += kBlockSize) {
    std::string block = run_length_encode(data.substr(offset, kBlockSize));
    for (int shift = 24; shift >= 0; shift -= 8)
      encoded.push_back(static_cast<char>((block.size() >> shift) & 0xff));
    encoded += block;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(encoded.data(), static_cast<std::streamsize>(encoded.size()));
  return encoded.size();
}
