// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DHANDED 2>&1 | FileCheck %s --check-prefixes=CHECK,HANDED --implicit-check-not="{{warning|remark}}:"
// Each thread, given its own element of an array, makes its own
// connections and registers them in its own event loop's slots, and keeps
// its timers in a list of nodes it allocates (wrk's threads). A field that
// every store by the thread's code points at an object of the thread's own
// points, in every object, at one of its own: what the thread reaches
// through its slots stays its own. main's store into a local of its own
// frame, which no thread is handed, reaches no thread's objects. A field
// the thread points at one global object leads to what every copy shares.
// With HANDED, main hands such a local to a thread after storing into its
// field: that store counts, and the field is no longer taken as own.

#include <pthread.h>
#include <stdlib.h>

struct parser {
  void *data;
  int nread;
};

struct conn {
  int state;
  struct parser parser;
};

struct loop;
typedef void file_proc(struct loop *l, int fd, void *data);

struct file_event {
  file_proc *proc;
  void *data;
};

struct watch {
  struct conn *conn;
};

struct timer {
  struct timer *next;
  long when;
};

struct loop {
  struct file_event *events;
  struct watch *watches;
  struct timer *timers;
};

struct thread {
  pthread_t id;
  struct loop *loop;
  struct conn *cs;
};

static struct conn common;

static struct loop *make_loop(int n) {
  struct loop *l = malloc(sizeof *l);
  l->events = calloc(n, sizeof(struct file_event));
  l->watches = calloc(n, sizeof(struct watch));
  l->timers = NULL;
  return l;
}

static void add_event(struct loop *l, int fd, file_proc *proc, void *data) {
  struct file_event *fe = &l->events[fd];
  fe->proc = proc;
  fe->data = data;
}

static void add_watch(struct loop *l, int fd, struct conn *c) {
  l->watches[fd].conn = c;
}

static void add_timer(struct loop *l, long when) {
  struct timer *te = malloc(sizeof *te);
  te->when = when;
  te->next = l->timers;
  l->timers = te;
}

static void parse(struct parser *p) {
  struct conn *c = p->data;
  p->nread++;
  c->state++;
  // HANDED: own-fields.c:[[@LINE-1]]:6: warning: 'conn::state' is written by thread 'thread_main' without a lock, and 'thread_main' runs in more than one thread at once
}

static void on_readable(struct loop *l, int fd, void *data) {
  struct conn *c = data;
  parse(&c->parser);
}

static void process_events(struct loop *l, int n) {
  for (int fd = 0; fd < n; fd++) {
    struct file_event *fe = &l->events[fd];
    fe->proc(l, fd, fe->data);
  }
}

static void on_watch(struct loop *l, int fd) {
  l->watches[fd].conn->state++;
  // CHECK: own-fields.c:[[@LINE-1]]:24: warning: 'conn::state' is written by thread 'thread_main' without a lock, and 'thread_main' runs in more than one thread at once
}

static void run_timers(struct loop *l) {
  for (struct timer *te = l->timers; te; te = te->next)
    te->when++;
}

static void *thread_main(void *arg) {
  struct thread *t = arg;
  t->cs = calloc(8, sizeof(struct conn));
  for (int fd = 0; fd < 8; fd++) {
    t->cs[fd].parser.data = &t->cs[fd];
    add_event(t->loop, fd, on_readable, &t->cs[fd]);
    add_watch(t->loop, fd, &common);
  }
  add_timer(t->loop, 1);
  add_timer(t->loop, 2);
  process_events(t->loop, 8);
  for (int fd = 0; fd < 8; fd++)
    on_watch(t->loop, fd);
  run_timers(t->loop);
  return NULL;
}

static int probe(void) {
  int count = 0;
  struct parser local;
  local.data = &count;
  return *(int *)local.data;
}

#ifdef HANDED
static void *reader(void *arg) {
  struct parser *p = arg;
  return p->data;
}
#endif

int main(void) {
  struct thread *threads = calloc(4, sizeof(struct thread));
  for (int i = 0; i < 4; i++) {
    struct thread *t = &threads[i];
    t->loop = make_loop(8);
    pthread_create(&t->id, NULL, thread_main, t);
  }
  int seen = probe();
#ifdef HANDED
  int count = 0;
  struct parser handed;
  handed.data = &count;
  pthread_t r;
  pthread_create(&r, NULL, reader, &handed);
  pthread_join(r, NULL);
#endif
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i].id, NULL);
  return seen;
}
// CHECK: concur: 1 file analysed
