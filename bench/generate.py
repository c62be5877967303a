#!/usr/bin/env python3
"""Writes a deterministic synthetic C++20 codebase for benchmarking concur.

    bench/generate.py OUT_DIR [--files N] [--asio-files N] [--seed S]

OUT_DIR gets src/*.cpp, include/*.h and a compile_commands.json with absolute
paths. The mix imitates an ordinary service codebase: mostly utility code on
standard containers and algorithms, a good share of code using std::thread,
mutexes, atomics and condition variables, and a minority of files with C++20
coroutines on standalone Asio. Some of those coroutines reach blocking helpers
defined in other files (a sleep, a file read, a future's get(), a lock), so
concur has real cross-file work to do and real findings to report.

Asio is a minority on purpose: a file that includes <asio.hpp> costs about two
seconds to parse, ten times an ordinary file.

The same seed and counts always give byte-identical output.
"""

import argparse
import json
import os
import random
import sys

# Blocking helpers are defined in the thread-heavy files and called from the
# coroutines in the Asio files; each kind names what it does.
HELPER_KINDS = ["throttle", "read_setting", "wait_result", "locked_bump"]


def header_common():
    return """\
// Shared declarations for the generated benchmark codebase.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct Record {
  std::uint64_t id = 0;
  std::string name;
  double score = 0.0;
  std::vector<int> tags;
};

std::uint64_t mix_hash(std::uint64_t value);
std::string describe(const Record &record);

} // namespace bench
"""


def header_text():
    return """\
// Small inline text helpers used across the generated codebase.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

inline std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

inline std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos)
      end = text.size();
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

inline std::string join(const std::vector<std::string> &parts, std::string_view glue) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += glue;
    out += parts[i];
  }
  return out;
}

} // namespace bench
"""


def header_counters():
    return """\
// A mutex-protected counter and a bounded blocking queue, header-only.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace bench {

class LockedCounter {
public:
  void add(long delta) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_ += delta;
  }
  long value() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }

private:
  mutable std::mutex mutex_;
  long value_ = 0;
};

template <typename T> class BlockingQueue {
public:
  explicit BlockingQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  std::optional<T> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty())
      return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<T> items_;
  std::size_t capacity_;
  bool closed_ = false;
};

} // namespace bench
"""


def header_helpers(helper_ids):
    lines = [
        "// Blocking helpers, defined in the thread files (threads_*.cpp).",
        "// Fine on a thread of their own; wrong on an event loop.",
        "#pragma once",
        "",
        "#include <string>",
        "",
        "namespace bench {",
        "",
    ]
    for index, kind in helper_ids:
        if kind == "throttle":
            lines.append(f"void throttle_{index}(int milliseconds);")
        elif kind == "read_setting":
            lines.append(
                f"std::string read_setting_{index}(const std::string &path);")
        elif kind == "wait_result":
            lines.append(f"int wait_result_{index}(int input);")
        else:
            lines.append(f"long locked_bump_{index}(long delta);")
    lines += ["", "} // namespace bench", ""]
    return "\n".join(lines)


def header_net():
    return """\
// What the Asio files share. Only those include it: <asio.hpp> is costly.
#pragma once

#include <asio.hpp>

namespace bench {

using tcp = asio::ip::tcp;

inline asio::awaitable<void> write_all(tcp::socket &socket, const std::string &text) {
  co_await asio::async_write(socket, asio::buffer(text), asio::use_awaitable);
}

} // namespace bench
"""


def source_common():
    return """\
#include "common.h"

#include <sstream>

namespace bench {

std::uint64_t mix_hash(std::uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdull;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ull;
  value ^= value >> 33;
  return value;
}

std::string describe(const Record &record) {
  std::ostringstream out;
  out << record.id << ':' << record.name << ':' << record.score << ':'
      << record.tags.size();
  return out.str();
}

} // namespace bench
"""


class Writer:
    """Builds one source file from randomly chosen, parameterised functions."""

    def __init__(self, rng, file_index):
        self.rng = rng
        self.n = file_index
        self.includes = set()
        self.functions = []
        self.counter = 0

    def name(self, stem):
        self.counter += 1
        return f"{stem}_{self.n}_{self.counter}"

    # -- Containers and algorithms ------------------------------------------

    def filter_sort(self):
        self.includes.update(["<algorithm>", "<vector>"])
        fn = self.name("filter_sorted")
        mod = self.rng.randint(2, 7)
        return f"""\
std::vector<int> {fn}(const std::vector<int> &values) {{
  std::vector<int> kept;
  std::copy_if(values.begin(), values.end(), std::back_inserter(kept),
               [](int value) {{ return value % {mod} != 0; }});
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  return kept;
}}
"""

    def histogram(self):
        self.includes.update(["<map>", "<string>", "\"text.h\""])
        fn = self.name("word_histogram")
        return f"""\
std::map<std::string, int> {fn}(const std::string &text) {{
  std::map<std::string, int> counts;
  for (const std::string &word : split(text, ' '))
    if (!word.empty())
      ++counts[to_lower(word)];
  return counts;
}}
"""

    def statistics(self):
        self.includes.update(["<cmath>", "<numeric>", "<vector>"])
        fn = self.name("mean_and_spread")
        return f"""\
std::pair<double, double> {fn}(const std::vector<double> &samples) {{
  if (samples.empty())
    return {{0.0, 0.0}};
  double mean = std::accumulate(samples.begin(), samples.end(), 0.0) /
                static_cast<double>(samples.size());
  double squares = std::transform_reduce(
      samples.begin(), samples.end(), 0.0, std::plus<>(),
      [mean](double sample) {{ return (sample - mean) * (sample - mean); }});
  return {{mean, std::sqrt(squares / static_cast<double>(samples.size()))}};
}}
"""

    def top_records(self):
        self.includes.update(["<algorithm>", "<vector>", "\"common.h\""])
        fn = self.name("top_records")
        return f"""\
std::vector<Record> {fn}(std::vector<Record> records, std::size_t count) {{
  count = std::min(count, records.size());
  std::partial_sort(records.begin(), records.begin() + count, records.end(),
                    [](const Record &a, const Record &b) {{
                      return a.score != b.score ? a.score > b.score : a.id < b.id;
                    }});
  records.resize(count);
  return records;
}}
"""

    def group_by(self):
        self.includes.update(["<algorithm>", "<unordered_map>", "<vector>",
                              "\"common.h\""])
        fn = self.name("group_by_tag")
        return f"""\
std::unordered_map<int, std::vector<std::uint64_t>>
{fn}(const std::vector<Record> &records) {{
  std::unordered_map<int, std::vector<std::uint64_t>> groups;
  for (const Record &record : records)
    for (int tag : record.tags)
      groups[tag].push_back(record.id);
  for (auto &[tag, ids] : groups)
    std::sort(ids.begin(), ids.end());
  return groups;
}}
"""

    def find_first(self):
        self.includes.update(["<algorithm>", "<optional>", "<string>",
                              "<vector>"])
        fn = self.name("find_by_prefix")
        return f"""\
std::optional<std::size_t> {fn}(const std::vector<std::string> &names,
                                 const std::string &prefix) {{
  auto found = std::find_if(names.begin(), names.end(), [&](const std::string &name) {{
    return name.compare(0, prefix.size(), prefix) == 0;
  }});
  if (found == names.end())
    return std::nullopt;
  return static_cast<std::size_t>(found - names.begin());
}}
"""

    def checksum(self):
        self.includes.update(["<cstdint>", "<string_view>"])
        fn = self.name("checksum")
        prime = self.rng.choice([31, 131, 1313, 16777619])
        return f"""\
std::uint32_t {fn}(std::string_view bytes) {{
  std::uint32_t sum = 2166136261u;
  for (unsigned char byte : bytes)
    sum = (sum ^ byte) * {prime}u;
  return sum;
}}
"""

    def matrix(self):
        self.includes.update(["<array>"])
        fn = self.name("multiply")
        size = self.rng.choice([3, 4, 6])
        return f"""\
std::array<double, {size * size}> {fn}(const std::array<double, {size * size}> &a,
                                       const std::array<double, {size * size}> &b) {{
  std::array<double, {size * size}> c{{}};
  for (int row = 0; row < {size}; ++row)
    for (int col = 0; col < {size}; ++col)
      for (int k = 0; k < {size}; ++k)
        c[row * {size} + col] += a[row * {size} + k] * b[k * {size} + col];
  return c;
}}
"""

    def inventory_class(self):
        self.includes.update(["<map>", "<set>", "<string>"])
        cls = self.name("Inventory")
        return f"""\
class {cls} {{
public:
  void add(const std::string &item, int count) {{
    stock_[item] += count;
    if (stock_[item] > 0)
      in_stock_.insert(item);
  }}
  bool take(const std::string &item, int count) {{
    auto found = stock_.find(item);
    if (found == stock_.end() || found->second < count)
      return false;
    found->second -= count;
    if (found->second == 0)
      in_stock_.erase(item);
    return true;
  }}
  std::size_t distinct() const {{ return in_stock_.size(); }}

private:
  std::map<std::string, int> stock_;
  std::set<std::string> in_stock_;
}};

int exercise_{cls}() {{
  {cls} inventory;
  inventory.add("bolt", 10);
  inventory.add("nut", 4);
  return inventory.take("bolt", 3) ? static_cast<int>(inventory.distinct()) : -1;
}}
"""

    # -- Threads, locks, atomics --------------------------------------------

    def parallel_sum(self):
        self.includes.update(["<numeric>", "<thread>", "<vector>"])
        fn = self.name("parallel_sum")
        return f"""\
long {fn}(const std::vector<long> &values) {{
  long left = 0;
  long right = 0;
  auto middle = values.begin() + static_cast<long>(values.size() / 2);
  std::thread first([&] {{ left = std::accumulate(values.begin(), middle, 0L); }});
  std::thread second([&] {{ right = std::accumulate(middle, values.end(), 0L); }});
  first.join();
  second.join();
  return left + right;
}}
"""

    def locked_workers(self):
        self.includes.update(["<thread>", "<vector>", "\"counters.h\""])
        fn = self.name("count_with_workers")
        workers = self.rng.randint(2, 4)
        return f"""\
long {fn}(int rounds) {{
  LockedCounter total;
  std::vector<std::thread> workers;
  for (int worker = 0; worker < {workers}; ++worker)
    workers.emplace_back([&total, rounds, worker] {{
      for (int round = 0; round < rounds; ++round)
        total.add(round % (worker + 2));
    }});
  for (std::thread &thread : workers)
    thread.join();
  return total.value();
}}
"""

    def atomic_progress(self):
        self.includes.update(["<atomic>", "<thread>", "<vector>"])
        fn = self.name("count_atomically")
        return f"""\
int {fn}(const std::vector<int> &items) {{
  std::atomic<int> done{{0}};
  std::thread worker([&] {{
    for (int item : items)
      if (item >= 0)
        done.fetch_add(1, std::memory_order_relaxed);
  }});
  worker.join();
  return done.load();
}}
"""

    def pipeline(self):
        self.includes.update(["<string>", "<thread>", "\"counters.h\""])
        fn = self.name("run_pipeline")
        return f"""\
std::size_t {fn}(int items) {{
  BlockingQueue<std::string> queue(8);
  std::size_t total_length = 0;
  std::thread consumer([&] {{
    while (auto item = queue.pop())
      total_length += item->size();
  }});
  for (int i = 0; i < items; ++i)
    queue.push("item-" + std::to_string(i));
  queue.close();
  consumer.join();
  return total_length;
}}
"""

    def async_future(self):
        self.includes.update(["<future>", "<vector>"])
        fn = self.name("sum_async")
        return f"""\
long {fn}(std::vector<long> values) {{
  auto half = values.begin() + static_cast<long>(values.size() / 2);
  std::future<long> first = std::async(std::launch::async, [&] {{
    long sum = 0;
    for (auto it = values.begin(); it != half; ++it)
      sum += *it;
    return sum;
  }});
  long second = 0;
  for (auto it = half; it != values.end(); ++it)
    second += *it;
  return first.get() + second;
}}
"""

    def helper_definition(self, index, kind):
        """A blocking helper the coroutine files call across files."""
        self.includes.add("\"blocking_helpers.h\"")
        if kind == "throttle":
            self.includes.update(["<chrono>", "<thread>"])
            return f"""\
void throttle_{index}(int milliseconds) {{
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}}
"""
        if kind == "read_setting":
            self.includes.update(["<fstream>", "<string>"])
            return f"""\
std::string read_setting_{index}(const std::string &path) {{
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);
  return line;
}}
"""
        if kind == "wait_result":
            self.includes.update(["<future>"])
            return f"""\
int wait_result_{index}(int input) {{
  std::future<int> result =
      std::async(std::launch::async, [input] {{ return input * input; }});
  return result.get();
}}
"""
        self.includes.update(["<mutex>"])
        return f"""\
namespace {{
std::mutex bump_mutex_{index};
long bump_total_{index} = 0;
}} // namespace

long locked_bump_{index}(long delta) {{
  std::lock_guard<std::mutex> lock(bump_mutex_{index});
  return bump_total_{index} += delta;
}}
"""

    # -- Coroutines on Asio --------------------------------------------------

    def coroutine_session(self, blocking_calls):
        """An echo-style session; blocking_calls are helper calls to embed."""
        self.includes.update(["\"net.h\"", "<string>", "<chrono>"])
        fn = self.name("serve")
        body_calls = "".join(f"    {call};\n" for call in blocking_calls)
        return f"""\
asio::awaitable<void> {fn}(tcp::socket socket) {{
  std::string buffer(1024, '\\0');
  asio::steady_timer pacing(socket.get_executor());
  for (;;) {{
    std::size_t received = co_await socket.async_read_some(
        asio::buffer(buffer), asio::use_awaitable);
{body_calls}    pacing.expires_after(std::chrono::milliseconds(1));
    co_await pacing.async_wait(asio::use_awaitable);
    co_await write_all(socket, buffer.substr(0, received));
  }}
}}

asio::awaitable<void> listen_{fn}(tcp::acceptor &acceptor) {{
  for (;;) {{
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), {fn}(std::move(socket)), asio::detached);
  }}
}}

void start_{fn}(asio::io_context &io, tcp::acceptor &acceptor) {{
  asio::co_spawn(io, listen_{fn}(acceptor), asio::detached);
}}
"""

    def offloaded_work(self):
        self.includes.update(["\"net.h\"", "<string>"])
        fn = self.name("offload")
        return f"""\
asio::awaitable<void> {fn}(asio::thread_pool &pool, tcp::socket &socket) {{
  std::string reply = "queued\\n";
  // Blocking work belongs on the pool, not on the event loop.
  asio::post(pool, [] {{
    std::string scratch(4096, 'x');
    (void)scratch.size();
  }});
  co_await write_all(socket, reply);
}}
"""

    def render(self):
        includes = sorted(self.includes)
        local = [i for i in includes if i.startswith('"')]
        system = [i for i in includes if i.startswith('<')]
        lines = [f"// Generated by bench/generate.py (file {self.n}).", ""]
        lines += [f"#include {i}" for i in local]
        if local:
            lines.append("")
        lines += [f"#include {i}" for i in system]
        lines += ["", "namespace bench {", ""]
        lines.append("\n".join(self.functions))
        lines += ["} // namespace bench", ""]
        return "\n".join(lines)


UTILITY_MAKERS = ["filter_sort", "histogram", "statistics", "top_records",
                  "group_by", "find_first", "checksum", "matrix",
                  "inventory_class"]
THREAD_MAKERS = ["parallel_sum", "locked_workers", "atomic_progress",
                 "pipeline", "async_future"]


def helper_call(index, kind):
    if kind == "throttle":
        return f"throttle_{index}(1)"
    if kind == "read_setting":
        return f"(void)read_setting_{index}(\"settings.conf\")"
    if kind == "wait_result":
        return f"(void)wait_result_{index}(static_cast<int>(received))"
    return f"(void)locked_bump_{index}(static_cast<long>(received))"


def generate(out_dir, file_count, asio_count, seed):
    rng = random.Random(seed)
    out_dir = os.path.abspath(out_dir)
    src_dir = os.path.join(out_dir, "src")
    include_dir = os.path.join(out_dir, "include")
    os.makedirs(src_dir, exist_ok=True)
    os.makedirs(include_dir, exist_ok=True)

    # Decide each file's role up front: the Asio files spread through the
    # codebase, the thread files define the blocking helpers.
    roles = ["asio"] * asio_count + ["thread"] * (file_count * 3 // 10)
    roles += ["utility"] * (file_count - 1 - len(roles))
    rng.shuffle(roles)
    roles.insert(0, "common")

    thread_files = [i for i, role in enumerate(roles) if role == "thread"]
    helper_ids = []  # (index, kind); index is the defining file's number.
    for position, file_index in enumerate(thread_files):
        helper_ids.append((file_index, HELPER_KINDS[position % len(HELPER_KINDS)]))
    helpers_by_file = dict(helper_ids)

    files = {
        os.path.join(include_dir, "common.h"): header_common(),
        os.path.join(include_dir, "text.h"): header_text(),
        os.path.join(include_dir, "counters.h"): header_counters(),
        os.path.join(include_dir, "blocking_helpers.h"): header_helpers(helper_ids),
        os.path.join(include_dir, "net.h"): header_net(),
    }
    sources = []
    for file_index, role in enumerate(roles):
        path = os.path.join(src_dir, f"{role}_{file_index:03d}.cpp")
        sources.append(path)
        if role == "common":
            files[path] = source_common()
            continue
        writer = Writer(rng, file_index)
        if role == "utility":
            for maker in rng.sample(UTILITY_MAKERS, rng.randint(4, 7)):
                writer.functions.append(getattr(writer, maker)())
        elif role == "thread":
            for maker in rng.sample(THREAD_MAKERS, rng.randint(2, 4)):
                writer.functions.append(getattr(writer, maker)())
            for maker in rng.sample(UTILITY_MAKERS, rng.randint(1, 3)):
                writer.functions.append(getattr(writer, maker)())
            writer.functions.append(
                writer.helper_definition(file_index, helpers_by_file[file_index]))
        else:
            # Two thirds of the sessions reach blocking helpers in other files;
            # the rest are clean, with the offload done right.
            calls = []
            if rng.random() < 2 / 3:
                for index, kind in rng.sample(helper_ids, rng.randint(1, 2)):
                    calls.append(helper_call(index, kind))
                writer.includes.add("\"blocking_helpers.h\"")
            writer.functions.append(writer.coroutine_session(calls))
            writer.functions.append(writer.offloaded_work())
            for maker in rng.sample(UTILITY_MAKERS, 2):
                writer.functions.append(getattr(writer, maker)())
        files[path] = writer.render()

    for path, text in files.items():
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)

    database = []
    for path in sources:
        relative = os.path.relpath(path, out_dir)
        obj = os.path.join("obj", os.path.basename(path) + ".o")
        database.append({
            "directory": out_dir,
            "file": path,
            "arguments": ["c++", "-std=c++20", "-O2", "-pthread",
                          "-DASIO_STANDALONE", "-Iinclude", "-c", relative,
                          "-o", obj],
        })
    with open(os.path.join(out_dir, "compile_commands.json"), "w",
              encoding="utf-8") as out:
        json.dump(database, out, indent=1)
        out.write("\n")
    return len(sources)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--files", type=int, default=200,
                        help="number of .cpp files (default 200)")
    parser.add_argument("--asio-files", type=int, default=10,
                        help="how many of them use Asio coroutines (default 10)")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    if args.files < args.asio_files + 10:
        parser.error("--files must exceed --asio-files by at least 10")
    count = generate(args.out_dir, args.files, args.asio_files, args.seed)
    print(f"wrote {count} source files to {os.path.abspath(args.out_dir)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
