#include <functional>
#include <mutex>
#include <thread>

// A library's event loop: it synchronises (a mutex member), so its public
// methods are assumed to be called from any thread, and it runs the
// callback the program gave it.
class Loop {
public:
  explicit Loop(std::function<void()> Callback);
  void post();
  void runCallbacks();
  /// Runs the callbacks on a thread of the loop's own too.
  void runInBackground();
  void wait();

private:
  std::mutex M;
  int Pending = 0;
  std::function<void()> Callback;
  std::thread Worker;
};
