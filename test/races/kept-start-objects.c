// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A server that starts a thread per connection, through a wrapper that
// hands the thread its routine and argument in a block it allocates (as
// libmicrohttpd does). The connection is also on the server's list, so it
// goes by its maker's name, but each start still gets one of its own:
// two connection threads never share one, nor does the setup of the next
// connection touch the one a thread already runs on. What the polling
// thread reads through the list does share it.
// And two starts through the wrapper that hand it different arguments
// (the one polling thread on the server, the pool's workers on their own
// slots) are different threads, not one thread started twice.

#include <pthread.h>
#include <stdlib.h>

struct server;
struct conn {
  int state;
  int bytes;
  struct conn *next;
  pthread_t tid;
  struct server *srv;
};
struct server {
  pthread_mutex_t m;
  struct conn *head;
  int accepted;
  int stop;
  pthread_t tid;
};
static int total_accepted;

struct block {
  void *(*routine)(void *);
  void *arg;
};

static void *starter(void *data) {
  struct block *b = data;
  void *(*routine)(void *) = b->routine;
  void *arg = b->arg;
  free(b);
  return routine(arg);
}

static int start_named(pthread_t *out, void *(*routine)(void *), void *arg) {
  struct block *b = malloc(sizeof *b);
  pthread_t tid;
  if (!b)
    return 0;
  b->routine = routine;
  b->arg = arg;
  if (pthread_create(&tid, 0, starter, b))
    return 0;
  *out = tid;
  return 1;
}

static void *serve(void *arg) {
  struct conn *c = arg;
  c->state = 1;
  // CHECK-DAG: :[[@LINE+1]]:6: warning: 'conn::bytes' is written by thread 'starter' without a lock and written by another thread 'starter' without a lock ({{.*}}kept-start-objects.c:[[#@LINE+22]]:8)
  c->bytes += 10;
  c->state = 2;
  return 0;
}

static struct conn *make_conn(struct server *s) {
  struct conn *c = calloc(1, sizeof *c);
  if (c)
    c->srv = s;
  return c;
}

static void add_conn(struct server *s, struct conn *c) {
  c->state = 0;
  c->bytes = 0;
  pthread_mutex_lock(&s->m);
  c->next = s->head;
  s->head = c;
  pthread_mutex_unlock(&s->m);
  if (start_named(&c->tid, serve, c))
    // The thread's own connection, after it started: it races.
    c->bytes = -1;
}

static void accept_one(struct server *s) {
  struct conn *c = make_conn(s);
  if (c)
    add_conn(s, c);
}

static int busy(struct server *s) {
  int n = 0;
  pthread_mutex_lock(&s->m);
  for (struct conn *c = s->head; c; c = c->next)
    n += c->state == 1;
  pthread_mutex_unlock(&s->m);
  return n;
}

static void *poll_loop(void *arg) {
  struct server *s = arg;
  while (!s->stop) {
    accept_one(s);
    s->accepted++;
    // Both the polling thread and the pool's workers.
    // CHECK-DAG: :[[@LINE+1]]:5: warning: 'total_accepted' is written by thread 'starter' without a lock
    total_accepted++;
    if (busy(s) < 8)
      accept_one(s);
  }
  return 0;
}

static struct server workers[2];
static struct server *current;

int main(int argc, char **argv) {
  struct server *s = calloc(1, sizeof *s);
  if (!s)
    return 1;
  pthread_mutex_init(&s->m, 0);
  current = s;
  if (argc > 1) {
    start_named(&s->tid, poll_loop, s);
  } else {
    for (int i = 0; i < 2; i++) {
      pthread_mutex_init(&workers[i].m, 0);
      start_named(&workers[i].tid, poll_loop, &workers[i]);
    }
  }
  pthread_join(s->tid, 0);
  return 0;
}
