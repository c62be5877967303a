#include "coro.h"
#include "events.h"

task handle(int Id) {
  fire_request(Id);
  backend().store(Id);
  co_return;
}

int main() {}
