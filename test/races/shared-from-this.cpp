// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// shared_from_this() reads the object's weak owner; it writes nothing, so
// two threads may call it at once (the count it bumps is atomic).

#include <memory>
#include <thread>

struct Connection : std::enable_shared_from_this<Connection> {
  std::shared_ptr<Connection> self() { return shared_from_this(); }
  int Sent = 0;
};

int main() {
  auto C = std::make_shared<Connection>();
  std::thread A([&] { auto P = C->self(); });
  // The counter is plain memory, though: this one races.
  // CHECK: :[[@LINE+1]]:46: warning: 'Connection::Sent' is written
  std::thread B([&] { auto P = C->self(); C->Sent++; });
  std::thread D([&] { C->Sent++; });
  A.join();
  B.join();
  D.join();
}
