#include "loop.h"

Loop::Loop(std::function<void()> Callback) : Callback(std::move(Callback)) {}

void Loop::post() {
  std::lock_guard<std::mutex> Lock(M);
  ++Pending;
}

void Loop::runCallbacks() {
  {
    std::lock_guard<std::mutex> Lock(M);
    if (Pending == 0)
      return;
    --Pending;
  }
  Callback();
}

void Loop::runInBackground() {
  Worker = std::thread([this] { runCallbacks(); });
}

void Loop::wait() { Worker.join(); }
