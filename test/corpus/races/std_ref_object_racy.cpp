// corpus: racy
// pattern: word-count accumulator object handed to two threads with std::ref
// race: WordCounter::words_
//
// Racy: std::ref makes both threads share one WordCounter, whose add()
// updates words_ without a lock.
#include <cctype>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

class WordCounter {
public:
  void add(const std::string &Text) {
    bool InWord = false;
    for (char C : Text) {
      bool Alpha = std::isalpha(static_cast<unsigned char>(C));
      if (Alpha && !InWord)
        ++words_; // RACE
      InWord = Alpha;
    }
  }
  long words() const { return words_; }

private:
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
