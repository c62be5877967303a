#include "users.h"
#include <chrono>
#include <thread>
int load_user(int Id) {
  std::this_thread::sleep_for(std::chrono::milliseconds(Id));
  return Id;
}
