#include "session.h"
int main() {
  Session S;
  S.run();
}
