// corpus: racy
// pattern: startup "config loaded" flag set without the condition
//          variable's mutex
// race: g_config_loaded
//
// Racy: the waiter reads g_config_loaded under g_config_mutex, but the
// loader writes it after unlocking. (The timed wait hides the lost wake-up
// this also causes.)
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_config_mutex;
std::condition_variable g_config_cv;
int g_listen_port = 0; // guarded by g_config_mutex
bool g_config_loaded = false;

static void loadConfig() {
  std::this_thread::sleep_for(std::chrono::microseconds(300));
  {
    std::lock_guard<std::mutex> Lock(g_config_mutex);
    g_listen_port = 8080;
  }
  g_config_loaded = true; // RACE
  g_config_cv.notify_all();
}

int main() {
  std::thread Loader(loadConfig);
  int Port = 0;
  {
    std::unique_lock<std::mutex> Lock(g_config_mutex);
    while (!g_config_cv.wait_for(Lock, std::chrono::milliseconds(1),
                                 [] { return g_config_loaded; })) // RACE
      ;
    Port = g_listen_port;
  }
  Loader.join();
  std::printf("listening on %d\n", Port);
}
