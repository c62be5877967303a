#include <coroutine>
#include <unistd.h>
struct task { struct promise_type { task get_return_object() { return {}; } std::suspend_never initial_suspend() { return {}; } std::suspend_never final_suspend() noexcept { return {}; } void return_void() {} void unhandled_exception() {} }; };
task good() {
  co_await std::suspend_never{};
  sleep(1);
}
