// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A start wrapper that takes a struct naming the thread's function
// (`xcreate(&sink_entry)`, the struct initialised once with its function)
// and returns the handle by value, joined by the caller. Each start runs
// the function its own struct names, not every function some such struct
// names; the handle the wrapper returns joins the thread; and a thread a
// call in a loop starts and joins before it returns runs once at a time.

#include <pthread.h>
#include <stdlib.h>

struct thread_entry {
  void (*entry_func)(void);
};

static void *thread_entry(void *Arg) {
  struct thread_entry *Entry = Arg;
  Entry->entry_func();
  return NULL;
}

static pthread_t xcreate(struct thread_entry *Entry) {
  pthread_t Thread;
  if (pthread_create(&Thread, NULL, thread_entry, Entry) != 0)
    abort();
  return Thread;
}

static int Progress; // the reader's, read by main while it runs
static int Written;  // the writer's, read by main after joining it
static int Passes;   // a loop's worker's, one at a time

static void reader_proc(void) { Progress = 1; }
// CHECK: entry-structs.c:[[@LINE-1]]:33: warning: 'Progress' is written by thread 'thread_entry' without a lock and read by thread 'main' without a lock (/{{.*}}entry-structs.c:[[@LINE+21]]:7)
static void writer_proc(void) { Written = 1; }
static void pass_proc(void) { ++Passes; }

static struct thread_entry reader_entry = {reader_proc};
static struct thread_entry writer_entry = {writer_proc};
static struct thread_entry pass_entry = {pass_proc};

static void one_pass(void) {
  pthread_t T = xcreate(&pass_entry);
  pthread_join(T, NULL);
}

int main(int argc, char **argv) {
  (void)argv;
  pthread_t *Threads = malloc(2 * sizeof(pthread_t));
  Threads[1] = xcreate(&writer_entry);
  pthread_join(Threads[1], NULL);
  if (Written)
    return 1;
  Threads[0] = xcreate(&reader_entry);
  if (Progress)
    return 2;
  pthread_join(Threads[0], NULL);
  for (int I = 0; I < argc; ++I)
    one_pass();
  free(Threads);
  return Passes;
}
