//===- concur/workload.hpp - Units of work for the runtime profiler -------===//
//
// A user registers the work the static advice talks about, once per name, and
// links concur::workload_main; the result is a profiling binary that runs that
// work under every execution model and measures it. Registration mirrors
// Google Benchmark: a namespace-scope object whose constructor records the
// callables before main runs.
//
// The static analyser joins its advice to these registrations by name. It
// recognises exactly a `concur::workload::Registrar` constructed with the name
// (a string literal) first and the callables after it, which is what the
// macros below expand to; keep that shape when registering by hand.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_WORKLOAD_HPP
#define CONCUR_WORKLOAD_HPP

// Asio 1.22 turns on its coroutine support by itself for GCC but not for
// Clang, although both compile C++20 coroutines; tell it. (The CMake targets
// and pkg-config files pass the same definitions, for sources that include
// Asio before this header.)
#if defined(__cpp_impl_coroutine) && !defined(ASIO_HAS_CO_AWAIT)
#define ASIO_HAS_CO_AWAIT 1
#define ASIO_HAS_STD_COROUTINE 1
#endif

#include <asio/awaitable.hpp>

#if !defined(ASIO_HAS_CO_AWAIT)
#error                                                                         \
    "concur/workload.hpp needs C++20 coroutines: compile with -std=c++20 and define ASIO_HAS_CO_AWAIT=1 ASIO_HAS_STD_COROUTINE=1 before including Asio"
#endif

#include <functional>
#include <string>
#include <type_traits>
#include <vector>

namespace concur::workload {

/// One request or job, run to completion on whatever thread the executor
/// picks. Executors may call it concurrently from several threads or
/// processes, so it must not rely on unsynchronised shared state.
using PlainFunction = std::function<void()>;

/// The same work written for an event loop. The event-loop executor spawns
/// many of these at once on a single thread, so it must not block.
using CoroutineFunction = asio::awaitable<void> (*)();

struct Workload {
  std::string Name;
  PlainFunction Plain;                   // empty when only a coroutine exists
  CoroutineFunction Coroutine = nullptr; // null when only a plain one exists
};

/// Every workload registered so far, in registration order.
const std::vector<Workload> &registeredWorkloads();

/// Names registered more than once; the driver refuses to run with any,
/// because advice joined by name would be ambiguous.
const std::vector<std::string> &duplicateWorkloadNames();

namespace detail {
template <typename T> struct IsAwaitable : std::false_type {};
template <typename T, typename Executor>
struct IsAwaitable<asio::awaitable<T, Executor>> : std::true_type {};

/// A callable that returns an awaitable but is not a plain coroutine
/// function: std::function<void()> would accept it and silently throw the
/// coroutine away without running it.
template <typename F>
constexpr bool IsCoroutineObject =
    !std::is_convertible_v<F, CoroutineFunction> &&
    IsAwaitable<std::invoke_result_t<F &>>::value;
} // namespace detail

class Registrar {
public:
  Registrar(const char *Name, PlainFunction Fn);
  Registrar(const char *Name, CoroutineFunction Coro);
  Registrar(const char *Name, PlainFunction Fn, CoroutineFunction Coro);

  template <typename F, std::enable_if_t<detail::IsCoroutineObject<F>, int> = 0>
  Registrar(const char *, F) {
    static_assert(!sizeof(F), "register a coroutine as a function "
                              "`asio::awaitable<void> name()`; lambdas and "
                              "function objects returning an awaitable "
                              "cannot be registered");
  }
};

/// The profiling binary's command line; concur::workload_main's main() is a
/// one-line call to this, so a user with their own main can call it too.
int runMain(int Argc, char **Argv);

} // namespace concur::workload

#define CONCUR_WORKLOAD_CONCAT_IMPL(A, B) A##B
#define CONCUR_WORKLOAD_CONCAT(A, B) CONCUR_WORKLOAD_CONCAT_IMPL(A, B)

/// Registers a plain function (one job) under the identifier `name`.
#define CONCUR_WORKLOAD(name, fn)                                              \
  static ::concur::workload::Registrar CONCUR_WORKLOAD_CONCAT(                 \
      concur_workload_registrar_, name)(#name, fn)

/// Registers a coroutine (`asio::awaitable<void> coro()`) under `name`.
#define CONCUR_WORKLOAD_CORO(name, coro)                                       \
  static ::concur::workload::Registrar CONCUR_WORKLOAD_CONCAT(                 \
      concur_workload_registrar_, name)(#name, coro)

/// Registers both variants of the same work under one name: the plain one
/// for sequential, threads and processes, the coroutine for the event loop.
#define CONCUR_WORKLOAD_PAIR(name, fn, coro)                                   \
  static ::concur::workload::Registrar CONCUR_WORKLOAD_CONCAT(                 \
      concur_workload_registrar_, name)(#name, fn, coro)

#endif // CONCUR_WORKLOAD_HPP
