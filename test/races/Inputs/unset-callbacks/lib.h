#include <pthread.h>

struct client {
  void (*on_connect)(struct client *);
  void (*on_message)(struct client *);
  pthread_mutex_t callback_mutex;
  int in_callback;
  int messages;
  pthread_t thread;
};

void client_init(struct client *C);
void set_on_connect(struct client *C, void (*F)(struct client *));
void set_on_message(struct client *C, void (*F)(struct client *));
void client_start(struct client *C);
int client_busy(struct client *C);
