#include "coro.h"
#include "session.h"
#include "users.h"

task Session::run() {
  load_user(Id);
  co_return;
}
