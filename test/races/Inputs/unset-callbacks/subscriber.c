#include "lib.h"

static void received(struct client *C) { C->messages++; }

int main(void) {
  static struct client C;
  client_init(&C);
  set_on_message(&C, received);
  client_start(&C);
  pthread_join(C.thread, NULL);
  return C.messages;
}
