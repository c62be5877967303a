// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Array elements whose index is unknown statically: copies of one thread's
// code indexing by what each was given own their slots; an index computed
// from data may collide.

#include <memory>
#include <thread>
#include <vector>

long g_slots[8];
long g_buckets[16];

void own_slot(int Id) {
  for (int Round = 0; Round < 100; ++Round)
    g_slots[Id] += Round;
}

void own_range(int Begin, int End) {
  for (int I = Begin; I < End; ++I)
    g_slots[I] = I;
}

void bucket_by_value(int Value) {
  int Bucket = 0;
  while (Bucket < 15 && (1 << Bucket) < Value)
    ++Bucket;
  g_buckets[Bucket]++;
  // CHECK: element-indexes.cpp:[[@LINE-1]]:3: warning: 'g_buckets' is written by thread 'bucket_by_value' without a lock, and 'bucket_by_value' runs in more than one thread at once
}

// The same through an array a unique_ptr<T[]> owns, indexed in an accessor:
// p[i] is the owned array's element, as a raw pointer's is. (The accessor's
// index is its own parameter, so whatever a caller passes counts as that
// caller's slot: a known limit.)
struct Image {
  long &operator[](int I) { return Pixels[I]; }
  std::unique_ptr<long[]> Pixels = std::make_unique<long[]>(64);
};
Image g_image;

void paint_range(int Begin, int End) {
  for (int I = Begin; I < End; ++I)
    g_image[I] = I;
}

void paint_by_value(int Value) {
  g_image.Pixels[g_buckets[Value % 16] % 64] += Value;
  // CHECK: element-indexes.cpp:[[@LINE-1]]:3: warning: 'Image::Pixels' is written by thread 'paint_by_value' without a lock, and 'paint_by_value' runs in more than one thread at once
}

int main() {
  std::vector<std::thread> Threads;
  for (int I = 0; I < 8; ++I)
    Threads.emplace_back(own_slot, I);
  for (auto &T : Threads)
    T.join();
  Threads.clear();
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back(own_range, I * 2, I * 2 + 2);
  for (auto &T : Threads)
    T.join();
  Threads.clear();
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back(bucket_by_value, I * 100);
  for (auto &T : Threads)
    T.join();
  Threads.clear();
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back(paint_range, I * 16, I * 16 + 16);
  for (auto &T : Threads)
    T.join();
  Threads.clear();
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back(paint_by_value, I * 100);
  for (auto &T : Threads)
    T.join();
}
