//===- main.cpp - The example server's command line -----------------------===//
//
//   server --selftest                 serve, drive two clients, exit 0 if OK
//   server [--port N] [--data DIR] [--config FILE]
//                                     serve until SIGINT or SIGTERM
//
//===----------------------------------------------------------------------===//

#include "selftest.h"
#include "server.h"
#include "users.h"

#include <asio.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace {

struct Config {
  unsigned short port = 7878;
  std::filesystem::path data_dir = "server-data";
};

/// Reads "port = N" and "data = DIR" lines. Blocking file reads are fine here:
/// this runs once, before the event loop starts.
Config load_config(const std::filesystem::path &path, Config config) {
  std::ifstream file(path);
  std::string line;
  while (std::getline(file, line)) {
    auto equals = line.find('=');
    if (line.empty() || line[0] == '#' || equals == std::string::npos)
      continue;
    auto trim = [](std::string text) {
      text.erase(0, text.find_first_not_of(" \t"));
      text.erase(text.find_last_not_of(" \t") + 1);
      return text;
    };
    std::string key = trim(line.substr(0, equals));
    std::string value = trim(line.substr(equals + 1));
    if (key == "port")
      config.port = static_cast<unsigned short>(std::stoul(value));
    else if (key == "data")
      config.data_dir = value;
  }
  return config;
}

int serve(const Config &config) {
  if (!std::filesystem::exists(config.data_dir / "users"))
    write_sample_users(config.data_dir / "users");
  asio::io_context io;
  Server server(io, {asio::ip::make_address("127.0.0.1"), config.port},
                config.data_dir);
  server.start();
  asio::signal_set stop_signals(io, SIGINT, SIGTERM);
  stop_signals.async_wait([&io](std::error_code, int) { io.stop(); });
  std::printf("listening on 127.0.0.1:%u, data in %s\n", server.port(),
              config.data_dir.c_str());
  std::fflush(stdout);
  io.run();
  server.shutdown();
  return EXIT_SUCCESS;
}

} // namespace

int main(int argc, char **argv) {
  Config config;
  for (int index = 1; index < argc; ++index) {
    std::string_view argument = argv[index];
    bool has_value = index + 1 < argc;
    if (argument == "--selftest")
      return run_selftest();
    if (argument == "--port" && has_value)
      config.port = static_cast<unsigned short>(std::atoi(argv[++index]));
    else if (argument == "--data" && has_value)
      config.data_dir = argv[++index];
    else if (argument == "--config" && has_value)
      config = load_config(argv[++index], config);
    else {
      std::fprintf(stderr,
                   "usage: %s --selftest | [--port N] [--data DIR] "
                   "[--config FILE]\n",
                   argv[0]);
      return 2;
    }
  }
  try {
    return serve(config);
  } catch (const std::exception &error) {
    std::fprintf(stderr, "server: %s\n", error.what());
    return EXIT_FAILURE;
  }
}
