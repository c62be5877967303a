// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Methods of a class meant for threads may run at once, and so may what
// they do to the objects their callers hand them (RacerD's unowned
// formals): a field of such an object written under a lock in one method
// and touched without it in another, or in the same method, races. Objects
// handed in are judged by lock consistency only: most callers hand each
// call an object of its own, so unlocked accesses alone say nothing. A
// mutex handed in is a lock all the same.

#include <mutex>
#include <string>
#include <vector>

struct Account {
  int Balance = 0;
  int Audits = 0;
  int Scratch = 0;
};

class Ledger {
public:
  void deposit(Account *A, int N) {
    std::lock_guard<std::mutex> G(M);
    A->Balance += N;
  }
  // CHECK: handed-in-objects.cpp:[[@LINE+1]]:41: warning: 'Account::Balance' is read in 'Ledger::peek' without a lock and written in 'Ledger::deposit' holding 'Ledger::M'
  int peek(const Account &A) { return A.Balance; }

  // Written under the lock, then read without it, in one method that runs
  // at once with itself.
  int audit(Account *A) {
    Account *Same = A;
    M.lock();
    Same->Audits = 1;
    M.unlock();
    return Same->Audits;
    // CHECK: handed-in-objects.cpp:[[@LINE-1]]:18: warning: 'Account::Audits' is read in 'Ledger::audit' without a lock and written by another thread 'Ledger::audit' holding 'Ledger::M'
  }

  // Never locked anywhere: each caller's own scratch object, no finding.
  void scribble(Account &A) { A.Scratch = 1; }
  int scratch(const Account &A) { return A.Scratch; }

  // Library containers handed in are the caller's own.
  void collect(std::vector<int> &Out) {
    std::lock_guard<std::mutex> G(M);
    Out.push_back(Total);
  }
  void append(std::vector<int> &Out) { Out.push_back(1); }

private:
  std::mutex M;
  int Total = 0;
};

// A class with no mutex of its own that locks one its caller hands in: the
// write holds a lock, so the unlocked read breaks the class's locking.
class Tally {
public:
  // CHECK: handed-in-objects.cpp:[[@LINE+1]]:24: warning: 'Tally::Count' is read in 'Tally::count' without a lock and written in 'Tally::bump' holding 'std::mutex (handed to the methods of Tally)'
  int count() { return Count; }
  void bump(std::mutex &Mu) {
    std::lock_guard<std::mutex> G(Mu);
    ++Count;
  }
  // Two methods locking the mutex they are handed: one lock for them.
  void reset(std::mutex &Mu) {
    std::lock_guard<std::mutex> G(Mu);
    Count = 0;
  }

private:
  int Count = 0;
};
