// corpus: racy
// pattern: crawler posts std::function tasks that capture `this` to a
//          small thread pool
// race: Crawler::pages_seen_
//
// Racy: each task runs on a pool thread and bumps the member through the
// captured `this`; two pool threads run tasks at the same time.
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

class Crawler {
public:
  void crawl(int Pages) {
    std::vector<std::function<void()>> Tasks[2];
    for (int P = 0; P < Pages; ++P)
      Tasks[P % 2].push_back([this, P] { visit(P); });
    std::vector<std::thread> Pool;
    for (auto &Queue : Tasks)
      Pool.emplace_back([&Queue] {
        for (auto &Task : Queue)
          Task();
      });
    for (std::thread &T : Pool)
      T.join();
  }
  long pagesSeen() const { return pages_seen_; }

private:
  void visit(int Page) {
    if (Page % 10 != 7) // pretend page 7, 17, ... is a 404
      ++pages_seen_;    // RACE
  }
  long pages_seen_ = 0;
};

int main() {
  Crawler C;
  C.crawl(4000);
  std::printf("pages=%ld\n", C.pagesSeen());
}
