// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function that starts threads and tells its caller whether it did (a
// server's start returning its context, or NULL where nothing started):
// on the edge where the caller finds the result that the function returns
// only where its threads did not start, none of them runs, as none of
// pthread_create's runs where its status says it failed.

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct server {
  pthread_t workers[4];
  pthread_t master;
  int started;
};

int Config;

void *worker(void *arg) {
  long seen = Config;
  return (void *)seen;
}

void *master(void *arg) {
  struct server *s = arg;
  for (int i = 0; i < s->started; i++)
    pthread_join(s->workers[i], NULL);
  return NULL;
}

// The status of the start, handed on.
static int start_worker(struct server *s) {
  if (s->started >= 4)
    return -1;
  int ret = pthread_create(&s->workers[s->started], NULL, worker, NULL);
  if (ret == 0)
    s->started++;
  return ret;
}

struct server *start_server(int n) {
  struct server *s = calloc(1, sizeof *s);
  if (s == NULL)
    return NULL;
  for (int i = 0; i < n; i++) {
    if (start_worker(s) != 0) {
      if (s->started > 0)
        break;
      free(s);
      return NULL;
    }
  }
  pthread_create(&s->master, NULL, master, s);
  return s;
}

void stop_server(struct server *s) {
  pthread_join(s->master, NULL);
  free(s);
}

void reset_config(void) { Config = 0; }

int serve(void) {
  struct server *s = start_server(4);
  if (s == NULL) {
    // Nothing started: this races with no worker.
    reset_config();
    return 1;
  }
  Config = 1;
  // CHECK: start-function-results.c:[[@LINE-1]]:3: warning: 'Config' is written by thread 'main' without a lock and read by thread 'worker' without a lock
  stop_server(s);
  return 0;
}

// A start function that fails after its thread started: the thread runs
// on the null edge too.
int Late;

void *late_worker(void *arg) {
  long v = Late;
  return (void *)v;
}

struct server *start_late(int bad) {
  struct server *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  if (pthread_create(&s->master, NULL, late_worker, NULL) != 0) {
    free(s);
    return NULL;
  }
  if (bad)
    return NULL;
  return s;
}

void late(int bad) {
  struct server *s = start_late(bad);
  if (!s) {
    Late = 2;
    // CHECK: start-function-results.c:[[@LINE-1]]:5: warning: 'Late' is written by thread 'main' without a lock and read by thread 'late_worker' without a lock
    return;
  }
  pthread_join(s->master, NULL);
  free(s);
}

// Success told by true.
int Ready;
pthread_t ReadyThread;

void *ready_worker(void *arg) {
  long v = Ready;
  return (void *)v;
}


bool start_ready(void) {
  if (pthread_create(&ReadyThread, NULL, ready_worker, NULL) != 0)
    return false;
  return true;
}

void ready(void) {
  if (!start_ready()) {
    Ready = 1;
    return;
  }
  Ready = 2;
  // CHECK: start-function-results.c:[[@LINE-1]]:3: warning: 'Ready' is written by thread 'main' without a lock and read by thread 'ready_worker' without a lock
  pthread_join(ReadyThread, NULL);
}

// A returned local that is given a null after the start.
int Kept;

void *kept_worker(void *arg) {
  long v = Kept;
  return (void *)v;
}

struct server *start_kept(int bad) {
  struct server *s = calloc(1, sizeof *s);
  struct server *r = s;
  pthread_create(&s->master, NULL, kept_worker, NULL);
  if (bad)
    r = NULL;
  return r;
}

void kept(int bad) {
  if (start_kept(bad) == NULL)
    Kept = 1;
    // CHECK: start-function-results.c:[[@LINE-1]]:5: warning: 'Kept' is written by thread 'main' without a lock and read by thread 'kept_worker' without a lock
}

int main(int argc, char **argv) {
  serve();
  late(argc > 1);
  ready();
  kept(argc > 2);
  return 0;
}
