#include <coroutine>
#include <mutex>
#include <unistd.h>
struct task { struct promise_type { task get_return_object() { return {}; } std::suspend_never initial_suspend() { return {}; } std::suspend_never final_suspend() noexcept { return {}; } void return_void() {} void unhandled_exception() {} }; };
std::mutex Mu;
task both() {
  std::lock_guard<std::mutex> Guard(Mu);
  sleep(1);
  co_return;
}
