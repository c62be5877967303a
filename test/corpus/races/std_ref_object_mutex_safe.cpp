// corpus: safe
// pattern: word-count accumulator object handed to two threads with std::ref
//
// Safe: twin of std_ref_object_racy; add() counts into a local and merges
// it into words_ under the object's mutex.
#include <cctype>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

class WordCounter {
public:
  void add(const std::string &Text) {
    long Local = 0;
    bool InWord = false;
    for (char C : Text) {
      bool Alpha = std::isalpha(static_cast<unsigned char>(C));
      if (Alpha && !InWord)
        ++Local;
      InWord = Alpha;
    }
    std::lock_guard<std::mutex> Lock(Mutex_);
    words_ += Local;
  }
  long words() const {
    std::lock_guard<std::mutex> Lock(Mutex_);
    return words_;
  }

private:
  mutable std::mutex Mutex_;
  long words_ = 0;
};

static void countChapter(WordCounter &Counter, int Chapter) {
  std::string Line = "chapter " + std::to_string(Chapter) + " it was a dark";
  for (int I = 0; I < 500; ++I)
    Counter.add(Line);
}

int main() {
  WordCounter Counter;
  std::thread A(countChapter, std::ref(Counter), 1);
  std::thread B(countChapter, std::ref(Counter), 2);
  A.join();
  B.join();
  std::printf("words=%ld\n", Counter.words());
}
