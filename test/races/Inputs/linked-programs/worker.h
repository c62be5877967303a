#include <functional>
#include <thread>

// A library class that runs whatever callable it is given on its own thread.
class Worker {
public:
  void start(std::function<void()> Task);
  void join();

private:
  std::function<void()> Task;
  std::thread Thread;
};
