#include <pthread.h>
#include <stddef.h>

#define container_of(ptr, type, member)                                        \
  ({                                                                           \
    const __typeof__(((type *)0)->member) *__mptr = (ptr);                     \
    (type *)((char *)__mptr - offsetof(type, member));                         \
  })

struct device {
  int id;
};

struct stats {
  int hits;
};

struct driver {
  pthread_mutex_t lock;
  struct device dev;
  struct stats st;
  int unguarded;
  int guarded;
  int setup;
};

/* A callback given a pointer to the embedded device finds its driver. */
void *callback(void *arg) {
  struct device *dev = arg;
  struct driver *drv = container_of(dev, struct driver, dev);
  drv->unguarded++;
  pthread_mutex_lock(&drv->lock);
  drv->guarded++;
  pthread_mutex_unlock(&drv->lock);
  return 0;
}

/* Two levels up: from the stats' counter to the driver. */
void *counter(void *arg) {
  int *hits = arg;
  struct driver *drv = container_of(hits, struct driver, st.hits);
  pthread_mutex_lock(&drv->lock);
  drv->guarded++;
  pthread_mutex_unlock(&drv->lock);
  drv->unguarded = 0;
  return 0;
}

struct driver one, other;

int main(void) {
  pthread_t t1, t2, t3, t4;
  one.setup = 1;
  pthread_mutex_init(&one.lock, NULL);
  /* Another driver's device: its driver is not 'one'. */
  pthread_create(&t4, NULL, callback, &other.dev);
  pthread_join(t4, NULL);
  pthread_create(&t1, NULL, callback, &one.dev);
  pthread_create(&t2, NULL, callback, &one.dev);
  pthread_create(&t3, NULL, counter, &one.st.hits);
  other.unguarded = 0; /* its callback was joined; 'one' is not 'other' */
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  pthread_join(t3, NULL);
  one.setup = 0;
  return 0;
}
