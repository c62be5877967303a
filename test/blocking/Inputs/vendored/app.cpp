#include "../../../Inputs/coro.h"
#include "third_party/asio/vendored.hpp"

task lookup() {
  asio::ip::basic_resolver<asio::ip::tcp> Resolver;
  vendor::flush_cache();
  Resolver.resolve("example.com", "80");
  easylog::write_record("/var/log/app.log");
  co_return;
}

int main() { lookup(); }
