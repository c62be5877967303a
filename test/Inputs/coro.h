// Minimal coroutine types for the tests: a fire-and-forget task, and thread
// pools shaped like libcoro's and cppcoro's (only what the analyser sees).
#pragma once
#include <coroutine>
#include <memory>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A generator: co_yield suspends it.
struct generator {
  struct promise_type {
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int) { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct value_operation {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 0; }
};
inline value_operation other_value() { return {}; }

struct schedule_operation {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};

namespace coro {
class thread_pool {
public:
  schedule_operation schedule() { return {}; }
};
} // namespace coro

namespace cppcoro {
class io_service {
public:
  schedule_operation schedule() { return {}; }
};
template <class Awaitable> void sync_wait(Awaitable &&A) {}
class static_thread_pool {
public:
  schedule_operation schedule() { return {}; }
};
} // namespace cppcoro

namespace concurrencpp {
class thread_executor {};
class thread_pool_executor {};
template <class Executor>
schedule_operation resume_on(std::shared_ptr<Executor> Ex) {
  return {};
}
} // namespace concurrencpp

// yaclib: executors derive from one interface that On() takes by reference.
namespace yaclib {
class IExecutor {
public:
  virtual ~IExecutor() = default;
};
class FairThreadPool : public IExecutor {};
class ManualExecutor : public IExecutor {};
inline schedule_operation On(IExecutor &E) { return {}; }
} // namespace yaclib
