#include "lib.h"
#include <string.h>

void client_init(struct client *C) {
  memset(C, 0, sizeof *C);
  pthread_mutex_init(&C->callback_mutex, NULL);
}

void set_on_connect(struct client *C, void (*F)(struct client *)) {
  C->on_connect = F;
}

void set_on_message(struct client *C, void (*F)(struct client *)) {
  C->on_message = F;
}

static void *network_thread(void *Arg) {
  struct client *C = (struct client *)Arg;
  pthread_mutex_lock(&C->callback_mutex);
  if (C->on_connect) {
    C->in_callback = 1;
    C->on_connect(C);
    C->in_callback = 0;
  }
  if (C->on_message) {
    C->in_callback = 1;
    C->on_message(C);
    C->in_callback = 0;
  }
  pthread_mutex_unlock(&C->callback_mutex);
  return NULL;
}

void client_start(struct client *C) {
  pthread_create(&C->thread, NULL, network_thread, C);
}

int client_busy(struct client *C) { return C->in_callback; }
