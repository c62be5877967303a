#include "worker.h"

void Worker::start(std::function<void()> T) {
  Task = std::move(T);
  Thread = std::thread([this] { Task(); });
}

void Worker::join() { Thread.join(); }
