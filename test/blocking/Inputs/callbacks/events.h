#pragma once
#include <functional>

// A hook set by one part of the program and run by another.
using Hook = std::function<void(int)>;
void set_on_request(Hook H);
void fire_request(int Id);

// An interface whose implementations live in other files.
struct Backend {
  virtual ~Backend() = default;
  virtual void store(int Id) = 0;
};
Backend &backend();
