#include <coroutine>
#include <mutex>
struct task { struct promise_type { task get_return_object() { return {}; } std::suspend_never initial_suspend() { return {}; } std::suspend_never final_suspend() noexcept { return {}; } void return_void() {} void unhandled_exception() {} }; };
namespace legacy {
int rpc_call(const char *Method); // Declared only: a library concur cannot see.
struct Db {
  // In-house API the built-in catalog cannot know about.
  int query(const char *Sql) {
    return Sql ? rpc_call("query") : rpc_call("ping");
  }
};
} // namespace legacy
std::mutex Mu;
task handler(legacy::Db &Db) {
  std::lock_guard<std::mutex> Guard(Mu);
  Db.query("select 1");
  co_return;
}
