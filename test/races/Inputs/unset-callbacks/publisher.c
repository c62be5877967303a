#include "lib.h"

static void connected(struct client *C) { (void)C; }

int main(void) {
  static struct client C;
  client_init(&C);
  set_on_connect(&C, connected);
  client_start(&C);
  return client_busy(&C);
}
