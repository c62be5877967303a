#include "lib.h"

// A wrapper library over lib.c, in the same database, that registers every
// callback when its own users set a client up; neither program calls it.
static void wrapped_message(struct client *C) { (void)C; }
static void wrapped_connect(struct client *C) { (void)C; }

void wrapper_init(struct client *C) {
  client_init(C);
  set_on_connect(C, wrapped_connect);
  set_on_message(C, wrapped_message);
}
