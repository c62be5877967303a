#include "events.h"

static Hook OnRequest;
void set_on_request(Hook H) { OnRequest = std::move(H); }
void fire_request(int Id) {
  if (OnRequest)
    OnRequest(Id);
}
