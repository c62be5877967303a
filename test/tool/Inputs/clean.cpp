#include <coroutine>
#include <unistd.h>
struct task { struct promise_type { task get_return_object() { return {}; } std::suspend_never initial_suspend() { return {}; } std::suspend_never final_suspend() noexcept { return {}; } void return_void() {} void unhandled_exception() {} }; };
void not_a_coroutine() { sleep(1); }
task clean() { co_return; }
